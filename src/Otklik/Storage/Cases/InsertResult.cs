namespace Otklik.Storage.Cases;

/// <summary>The outcome of storing one message: new, or a duplicate of <see cref="MessageId"/> (same channel and external id).</summary>
public sealed record InsertResult(long MessageId, bool Duplicate, long? CaseId);
