using System.Globalization;
using Otklik.Model;
using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>
/// The fields of one input record before validation; both readers fill one and reuse it record after record.
/// <see cref="Build"/> applies the rules of docs/message-format.md in one place.
/// </summary>
internal sealed class MessageDraft
{
    private const int MaxChannelChars = 100;
    private const int MaxIdChars = 200;

    public string? Channel { get; set; }

    public string? ExternalId { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }

    public string? Author { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public string? Account { get; set; }

    public string? ReplyTo { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string? Address { get; set; }

    public string? Topic { get; set; }

    public string? TopicGroup { get; set; }

    public string? Executor { get; set; }

    public void Clear()
    {
        Channel = ExternalId = Text = Url = Author = Account = ReplyTo = Address = Topic = TopicGroup = Executor = null;
        ReceivedAt = PostedAt = null;
        Lat = Lon = null;
    }

    /// <summary>The message, or null with the reason in <paramref name="error"/>.</summary>
    public IncomingMessage? Build(RecordContext context, long line, out string? error)
    {
        var channel = Blank(Channel) ?? context.DefaultChannel;
        if (channel is null)
        {
            error = "field \"channel\" is missing: give it on each line or for the whole file with --channel";
            return null;
        }

        if (channel.Length > MaxChannelChars)
        {
            error = $"field \"channel\" is longer than {MaxChannelChars} characters";
            return null;
        }

        var externalId = Blank(ExternalId);
        if (externalId is null)
        {
            error = "field \"external_id\" is missing or empty";
            return null;
        }

        if (externalId.Length > MaxIdChars)
        {
            error = $"field \"external_id\" is longer than {MaxIdChars} characters";
            return null;
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            error = "field \"text\" is missing or empty";
            return null;
        }

        if (Lat.HasValue != Lon.HasValue)
        {
            error = "geo needs both \"lat\" and \"lon\"";
            return null;
        }

        GeoPoint? geo = null;
        if (Lat is { } lat && Lon is { } lon)
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180 || double.IsNaN(lat) || double.IsNaN(lon))
            {
                error = "geo is outside -90..90 latitude, -180..180 longitude";
                return null;
            }

            geo = new GeoPoint(lat, lon);
        }

        var labels = new CaseLabels(Blank(TopicGroup), Blank(Topic), Blank(Executor));
        error = null;
        return new IncomingMessage(
            channel,
            externalId,
            Text,
            Blank(Url),
            context.Pseudonymizer.Pseudonymize(Author),
            ReceivedAt ?? context.Now,
            PostedAt,
            Blank(Account),
            Blank(ReplyTo),
            geo,
            Blank(Address),
            labels.IsEmpty ? null : labels,
            line);
    }

    /// <summary>Parses an ISO-8601 time; one without an offset is taken as UTC.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
