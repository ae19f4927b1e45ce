using System.Text;

namespace Otklik.Ingest;

/// <summary>
/// A small CSV file with a header row, read whole: the editable data files (gazetteer extras, routing tables).
/// Columns are found by header name so operators may reorder them or add their own notes columns.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, Dictionary<string, int> columns, List<CsvRecord> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    public string Path { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>Reads the file; throws <see cref="DataFileException"/> naming the file when it is missing, empty or broken.</summary>
    public static CsvTable Load(string path, params string[] requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader);
        var header = csv.Read() ?? throw new DataFileException(path, 0, string.Empty, "the file is empty; it needs a header row");
        if (header.Record is null)
        {
            throw new DataFileException(path, header.Line, "header", header.Error ?? "unreadable header");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Record.Fields.Count; i++)
        {
            columns[header.Record.Fields[i].Trim()] = i;
        }

        foreach (var required in requiredColumns)
        {
            if (!columns.ContainsKey(required))
            {
                throw new DataFileException(path, 1, required,
                    $"missing column; the header must name: {string.Join(", ", requiredColumns)}");
            }
        }

        var rows = new List<CsvRecord>();
        while (csv.Read() is { } result)
        {
            if (result.Record is null)
            {
                throw new DataFileException(path, result.Line, "record", result.Error ?? "unreadable record");
            }

            if (result.Record.Fields.Count == 1 && string.IsNullOrWhiteSpace(result.Record.Fields[0]))
            {
                continue;
            }

            rows.Add(result.Record);
        }

        return new CsvTable(path, columns, rows);
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The trimmed value of a column, or null when the column is absent or the cell empty.</summary>
    public string? Get(CsvRecord row, string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= row.Fields.Count)
        {
            return null;
        }

        var value = row.Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    public string Require(CsvRecord row, string column) =>
        Get(row, column) ?? throw new DataFileException(Path, row.Line, column, "must not be empty");
}
