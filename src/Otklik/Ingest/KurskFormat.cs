using System.Text;

namespace Otklik.Ingest;

/// <summary>
/// The appeals file format of the Kursk region portal (`--preset kursk`): CSV, UTF-8, no header;
/// id, text, topic, executor and an optional fifth column, the topic-group code.
/// </summary>
public static class KurskFormat
{
    /// <summary>Reads labeled appeals, streaming. Bad records come back as failures with their line; the rest go on.</summary>
    public static IEnumerable<KurskReadResult> Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        while (csv.Read() is { } result)
        {
            if (result.Record is not { } record)
            {
                yield return new KurskReadResult(result.Line, null, result.Error);
                continue;
            }

            yield return Parse(record);
        }
    }

    /// <summary>Reads a whole file; throws <see cref="FileNotFoundException"/> with the path when it is missing.</summary>
    public static IEnumerable<KurskReadResult> ReadFile(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        foreach (var item in Read(reader))
        {
            yield return item;
        }
    }

    /// <summary>Only the good rows of a file: for training and evaluation, where a bad row is simply not an example.</summary>
    public static List<LabeledAppeal> LoadLabeled(string path) =>
        ReadFile(path).Where(r => r.Appeal is not null).Select(r => r.Appeal!).ToList();

    private static KurskReadResult Parse(CsvRecord record)
    {
        var f = record.Fields;
        if (f.Count is < 4 or > 5)
        {
            return new KurskReadResult(record.Line, null, $"expected 4 or 5 columns (id, text, topic, executor[, group]), found {f.Count}");
        }

        if (string.IsNullOrWhiteSpace(f[0]))
        {
            return new KurskReadResult(record.Line, null, "column 1 (id) is empty");
        }

        if (string.IsNullOrWhiteSpace(f[1]))
        {
            return new KurskReadResult(record.Line, null, "column 2 (text) is empty");
        }

        if (f[1].Contains('\uFFFD', StringComparison.Ordinal))
        {
            return new KurskReadResult(record.Line, null, "column 2 (text) is not valid UTF-8");
        }

        var group = f.Count == 5 && !string.IsNullOrWhiteSpace(f[4]) ? f[4].Trim() : null;
        return new KurskReadResult(
            record.Line,
            new LabeledAppeal(f[0].Trim(), f[1], f[2].Trim(), f[3].Trim(), group, record.Line),
            null);
    }
}
