using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>A message as integrators send it. Only channel, externalId and text are required.</summary>
public sealed record MessageInput(
    string? Channel,
    string? ExternalId,
    string? Text,
    string? Url = null,
    string? Author = null,
    DateTimeOffset? PostedAt = null,
    long? AccountId = null,
    string? ReplyTo = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Address = null,
    string? Topic = null,
    string? TopicGroup = null,
    string? Body = null,
    string? Region = null,
    string? City = null);

public sealed record BatchInput(IReadOnlyList<MessageInput>? Messages);

public sealed record MessageResult(string Channel, string ExternalId, long MessageId, string Status, long? CaseId);

public sealed record BatchResult(IReadOnlyList<MessageResult> Results, int Accepted, int Duplicates);

public sealed record CaseList(IReadOnlyList<CaseRecord> Items, string? NextCursor);

/// <summary>A message as shown on the case page; <see cref="Author"/> (raw) only for admins and operators, when kept.</summary>
public sealed record MessageView(
    long Id, string Channel, string ExternalId, string? Url, string? AuthorId, string? Author, string Text,
    DateTimeOffset ReceivedAt, DateTimeOffset? PostedAt, string? Address, double? Latitude, double? Longitude, bool TextRemoved);

public sealed record CaseDetail(
    CaseRecord Case,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<Response> Responses,
    IReadOnlyList<CaseEvent> Timeline,
    string? FeedbackUrl);

public sealed record TransitionInput(string? Action, string? Reason, long? BodyId);

public sealed record AnswerInput(string? Kind, string? Text, string? Url);

public sealed record FeedbackInput(bool? Fixed, string? Comment);

public sealed record SignInInput(string? Name, string? Password);

public sealed record Me(long Id, string Name, string Role, long? BodyId, IReadOnlyList<long>? BodyScope);

public sealed record Info(string Product, string Version, bool Simulated, string? Banner, DateTimeOffset Now);

public sealed record TopicRow(string? TopicGroup, string Topic, long Cases);

public sealed record BodyInput(string? Name, string? ShortName, string? Level, string? RegionCode, long? ParentId, string? Region, string? District, string? City, string? Contacts);

public sealed record AccountInput(string? Platform, string? Handle, string? Url, string? Kind, long? OwnerBodyId, long? OwnerOfficialId, long? Followers);

public sealed record UserInput(string? Name, string? Role, long? BodyId, bool IncludeChildBodies, string? Password);

public sealed record UserView(long Id, string Name, string Role, long? BodyId, bool IncludeChildBodies, DateTimeOffset CreatedAt);

public sealed record ApiKeyInput(string? Name);

public sealed record ApiKeyCreated(long Id, string Key);
