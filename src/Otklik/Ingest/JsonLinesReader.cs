using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Otklik.Ingest;

/// <summary>
/// Reads Otklik's JSON Lines message format (docs/message-format.md) straight from UTF-8 bytes, one object per line.
/// A line that is not valid UTF-8, not JSON, not an object, has a field of the wrong type or is longer than
/// <see cref="MaxLineBytes"/> comes back as a bad record with its line number; unknown fields are ignored.
/// </summary>
public sealed class JsonLinesReader : IMessageReader
{
    /// <summary>The default longest line, 1 MiB: far above any real message, far below what would hurt memory.</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    private readonly FileStream _file;
    private readonly BoundedLineReader _lines;
    private readonly RecordContext _context;
    private readonly MessageDraft _draft = new();

    public JsonLinesReader(string path, RecordContext context, int maxLineBytes = DefaultMaxLineBytes)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _lines = new BoundedLineReader(_file, maxLineBytes);
        _context = context;
        MaxLineBytes = maxLineBytes;
    }

    public int MaxLineBytes { get; }

    public long Position => _file.Position;

    public long Length => _file.Length;

    public IEnumerable<ParsedRecord> Read(CancellationToken cancellationToken)
    {
        while (Next() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    public void Dispose() => _file.Dispose();

    private ParsedRecord? Next()
    {
        while (_lines.TryReadLine(out var line, out var tooLong))
        {
            var number = _lines.LineNumber;
            if (tooLong)
            {
                return ParsedRecord.Bad(number, $"line longer than {MaxLineBytes:N0} bytes", Excerpt(line));
            }

            if (number == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            return Parse(line, number);
        }

        return null;
    }

    private ParsedRecord Parse(ReadOnlySpan<byte> line, long number)
    {
        if (!Utf8.IsValid(line))
        {
            return ParsedRecord.Bad(number, "not valid UTF-8", Excerpt(line));
        }

        _draft.Clear();
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ParsedRecord.Bad(number, "not a JSON object", Excerpt(line));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadField(ref reader) is { } fieldError)
                {
                    return ParsedRecord.Bad(number, fieldError, Excerpt(line));
                }
            }

            // Anything after the object other than whitespace makes Read throw: one object per line.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return ParsedRecord.Bad(number, "broken JSON: " + e.Message, Excerpt(line));
        }

        var message = _draft.Build(_context, number, out var error);
        return message is null ? ParsedRecord.Bad(number, error!, Excerpt(line)) : ParsedRecord.Ok(message);
    }

    /// <summary>Reads one property's value into the draft; returns the error, or null.</summary>
    private string? ReadField(ref Utf8JsonReader reader)
    {
        string? error = null;
        if (reader.ValueTextEquals("text"u8))
        {
            _draft.Text = ReadString(ref reader, MessageFields.Text, ref error);
        }
        else if (reader.ValueTextEquals("external_id"u8))
        {
            _draft.ExternalId = ReadStringOrNumber(ref reader, MessageFields.ExternalId, ref error);
        }
        else if (reader.ValueTextEquals("channel"u8))
        {
            _draft.Channel = ReadString(ref reader, MessageFields.Channel, ref error);
        }
        else if (reader.ValueTextEquals("url"u8))
        {
            _draft.Url = ReadString(ref reader, MessageFields.Url, ref error);
        }
        else if (reader.ValueTextEquals("author"u8))
        {
            _draft.Author = ReadStringOrNumber(ref reader, MessageFields.Author, ref error);
        }
        else if (reader.ValueTextEquals("received_at"u8))
        {
            _draft.ReceivedAt = ReadTime(ref reader, MessageFields.ReceivedAt, ref error);
        }
        else if (reader.ValueTextEquals("posted_at"u8))
        {
            _draft.PostedAt = ReadTime(ref reader, MessageFields.PostedAt, ref error);
        }
        else if (reader.ValueTextEquals("account"u8))
        {
            _draft.Account = ReadStringOrNumber(ref reader, MessageFields.Account, ref error);
        }
        else if (reader.ValueTextEquals("reply_to"u8))
        {
            _draft.ReplyTo = ReadStringOrNumber(ref reader, MessageFields.ReplyTo, ref error);
        }
        else if (reader.ValueTextEquals("address"u8))
        {
            _draft.Address = ReadString(ref reader, MessageFields.Address, ref error);
        }
        else if (reader.ValueTextEquals("topic"u8))
        {
            _draft.Topic = ReadString(ref reader, MessageFields.Topic, ref error);
        }
        else if (reader.ValueTextEquals("topic_group"u8))
        {
            _draft.TopicGroup = ReadStringOrNumber(ref reader, MessageFields.TopicGroup, ref error);
        }
        else if (reader.ValueTextEquals("executor"u8))
        {
            _draft.Executor = ReadString(ref reader, MessageFields.Executor, ref error);
        }
        else if (reader.ValueTextEquals("geo"u8))
        {
            ReadGeo(ref reader, ref error);
        }
        else
        {
            // Unknown fields are skipped, so producers can add their own without breaking older Otklik.
            reader.Skip();
        }

        return error;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, ref string? error)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                error = $"field \"{field}\" must be a string, found {Describe(reader.TokenType)}";
                reader.Skip();
                return null;
        }
    }

    private static string? ReadStringOrNumber(ref Utf8JsonReader reader, string field, ref string? error)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null:
                return null;
            default:
                error = $"field \"{field}\" must be a string or a number, found {Describe(reader.TokenType)}";
                reader.Skip();
                return null;
        }
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, string field, ref string? error)
    {
        var text = ReadString(ref reader, field, ref error);
        if (text is null)
        {
            return null;
        }

        if (MessageDraft.TryParseTime(text, out var time))
        {
            return time;
        }

        error = $"field \"{field}\" is not an ISO-8601 time (like 2024-05-01T10:30:00+03:00)";
        return null;
    }

    private void ReadGeo(ref Utf8JsonReader reader, ref string? error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"field \"geo\" must be an object {{\"lat\": …, \"lon\": …}}, found {Describe(reader.TokenType)}";
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLat = reader.ValueTextEquals("lat"u8);
            var isLon = reader.ValueTextEquals("lon"u8);
            reader.Read();
            if (!isLat && !isLon)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
            {
                error = $"field \"geo.{(isLat ? "lat" : "lon")}\" must be a number, found {Describe(reader.TokenType)}";
                reader.Skip();
                continue;
            }

            if (isLat)
            {
                _draft.Lat = value;
            }
            else
            {
                _draft.Lon = value;
            }
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Excerpt(ReadOnlySpan<byte> line) =>
        Encoding.UTF8.GetString(line[..Math.Min(line.Length, 800)]);
}
