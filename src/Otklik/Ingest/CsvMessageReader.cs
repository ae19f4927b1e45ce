using System.Globalization;
using System.Text;
using Otklik.Errors;

namespace Otklik.Ingest;

/// <summary>
/// Reads messages from CSV through a <see cref="ColumnMap"/>, streaming with <see cref="CsvRecordReader"/>.
/// Text that is not valid UTF-8 shows up as U+FFFD after decoding, and such a record is quarantined.
/// </summary>
public sealed class CsvMessageReader : IMessageReader
{
    private readonly FileStream _file;
    private readonly StreamReader _text;
    private readonly CsvRecordReader _csv;
    private readonly RecordContext _context;
    private readonly ImportSpec _spec;
    private readonly string _path;
    private readonly MessageDraft _draft = new();
    private Dictionary<string, int>? _columns;

    public CsvMessageReader(string path, ImportSpec spec, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _path = path;
        _spec = spec;
        _context = context;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _text = new StreamReader(_file, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        _csv = new CsvRecordReader(_text);
        if (!spec.Header)
        {
            _columns = (spec.Map ?? throw new OtklikException(
                    $"{path}: a CSV file without a header needs --map.",
                    "Add --map external_id=1,text=2 (1-based column numbers), or --header if the first row names the columns."))
                .Resolve(null, path, namesOptional: false);
        }
    }

    public long Position => _file.Position;

    public long Length => _file.Length;

    public IEnumerable<ParsedRecord> Read(CancellationToken cancellationToken)
    {
        while (_csv.Read() is { } result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Record is not { } record)
            {
                yield return ParsedRecord.Bad(result.Line, result.Error!, null);
                continue;
            }

            if (_columns is null)
            {
                _columns = (_spec.Map ?? ColumnMap.ByHeaderNames()).Resolve(record.Fields, _path, namesOptional: _spec.Map is null);
                continue;
            }

            yield return Parse(record, _columns);
        }
    }

    public void Dispose()
    {
        _text.Dispose();
        _file.Dispose();
    }

    private ParsedRecord Parse(CsvRecord record, Dictionary<string, int> columns)
    {
        var fields = record.Fields;
        if (fields.Count < _spec.MinColumns || (_spec.MaxColumns > 0 && fields.Count > _spec.MaxColumns))
        {
            var expected = _spec.MaxColumns > 0 ? $"{_spec.MinColumns} to {_spec.MaxColumns}" : $"at least {_spec.MinColumns}";
            return ParsedRecord.Bad(record.Line, $"expected {expected} columns, found {fields.Count}", Excerpt(fields));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                return ParsedRecord.Bad(record.Line, $"column {i + 1} is not valid UTF-8", Excerpt(fields));
            }
        }

        _draft.Clear();
        _draft.Channel = Field(fields, columns, MessageFields.Channel);
        _draft.ExternalId = Field(fields, columns, MessageFields.ExternalId);
        _draft.Text = Field(fields, columns, MessageFields.Text);
        _draft.Url = Field(fields, columns, MessageFields.Url);
        _draft.Author = Field(fields, columns, MessageFields.Author);
        _draft.Account = Field(fields, columns, MessageFields.Account);
        _draft.ReplyTo = Field(fields, columns, MessageFields.ReplyTo);
        _draft.Address = Field(fields, columns, MessageFields.Address);
        _draft.Topic = Field(fields, columns, MessageFields.Topic);
        _draft.TopicGroup = Field(fields, columns, MessageFields.TopicGroup);
        _draft.Executor = Field(fields, columns, MessageFields.Executor);
        string? error = null;
        _draft.ReceivedAt = Time(fields, columns, MessageFields.ReceivedAt, ref error);
        _draft.PostedAt = Time(fields, columns, MessageFields.PostedAt, ref error);
        _draft.Lat = Number(fields, columns, MessageFields.Lat, ref error);
        _draft.Lon = Number(fields, columns, MessageFields.Lon, ref error);
        if (error is not null)
        {
            return ParsedRecord.Bad(record.Line, error, Excerpt(fields));
        }

        var message = _draft.Build(_context, record.Line, out error);
        return message is null ? ParsedRecord.Bad(record.Line, error!, Excerpt(fields)) : ParsedRecord.Ok(message);
    }

    private static string? Field(IReadOnlyList<string> fields, Dictionary<string, int> columns, string field)
    {
        var index = columns[field];
        return index >= 0 && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
    }

    private static DateTimeOffset? Time(IReadOnlyList<string> fields, Dictionary<string, int> columns, string field, ref string? error)
    {
        if (Field(fields, columns, field) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (MessageDraft.TryParseTime(text.Trim(), out var time))
        {
            return time;
        }

        error ??= $"field \"{field}\" (column {columns[field] + 1}) is not an ISO-8601 time";
        return null;
    }

    private static double? Number(IReadOnlyList<string> fields, Dictionary<string, int> columns, string field, ref string? error)
    {
        if (Field(fields, columns, field) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error ??= $"field \"{field}\" (column {columns[field] + 1}) is not a number";
        return null;
    }

    private static string Excerpt(IReadOnlyList<string> fields) =>
        string.Join(",", fields.Select(f => f.Length > 100 ? f[..100] : f));
}
