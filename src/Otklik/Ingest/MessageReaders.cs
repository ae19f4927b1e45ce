using Otklik.Errors;

namespace Otklik.Ingest;

/// <summary>Opens the reader a file and an <see cref="ImportSpec"/> call for.</summary>
public static class MessageReaders
{
    /// <summary>Throws <see cref="OtklikException"/> for a missing file or an unknown format.</summary>
    public static IMessageReader Open(string path, ImportSpec spec, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!File.Exists(path))
        {
            throw new OtklikException($"File not found: {path}", "Check the path; it is relative to the current folder.");
        }

        return spec.FormatOf(path) switch
        {
            ImportFormat.JsonLines => new JsonLinesReader(path, context),
            ImportFormat.Csv => new CsvMessageReader(path, spec, context),
            _ => throw new OtklikException(
                $"Cannot tell the format of {path} from its extension.", "Add --format jsonl or --format csv (or --preset kursk)."),
        };
    }
}
