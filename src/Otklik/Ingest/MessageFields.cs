namespace Otklik.Ingest;

/// <summary>The field names of Otklik's message format, shared by JSON Lines keys and CSV column mappings.</summary>
public static class MessageFields
{
    public const string Channel = "channel";
    public const string ExternalId = "external_id";
    public const string Text = "text";
    public const string Url = "url";
    public const string Author = "author";
    public const string ReceivedAt = "received_at";
    public const string PostedAt = "posted_at";
    public const string Account = "account";
    public const string ReplyTo = "reply_to";
    public const string Lat = "lat";
    public const string Lon = "lon";
    public const string Geo = "geo";
    public const string Address = "address";
    public const string Topic = "topic";
    public const string TopicGroup = "topic_group";
    public const string Executor = "executor";

    /// <summary>The fields a CSV column can be mapped to (JSON Lines nests lat/lon in <c>geo</c>).</summary>
    public static readonly IReadOnlyList<string> Mappable =
    [
        Channel, ExternalId, Text, Url, Author, ReceivedAt, PostedAt, Account, ReplyTo, Lat, Lon, Address, Topic, TopicGroup, Executor,
    ];
}
