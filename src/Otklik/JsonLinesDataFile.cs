using System.Text.Json;

namespace Otklik;

/// <summary>
/// Reads the small JSON Lines files evaluations load (hand-labelled places, out-of-fold model predictions): blank lines
/// skipped, each other line one JSON object mapped by the caller. A missing file, or a line that is not JSON or lacks
/// what the mapping reads, stops the load with a <see cref="DataFileException"/> naming the file, the line and the
/// expected shape: an evaluation on a partly read file would report a wrong number.
/// </summary>
internal static class JsonLinesDataFile
{
    public static IEnumerable<T> Read<T>(string path, string what, string example, Func<JsonElement, int, T> map)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        return ReadLines(path, what, example, map);
    }

    private static IEnumerable<T> ReadLines<T>(string path, string what, string example, Func<JsonElement, int, T> map)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            T item;
            try
            {
                using var document = JsonDocument.Parse(text);
                item = map(document.RootElement, line);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DataFileException(path, line, "json", $"not {what} ({e.Message}); expected {example}");
            }

            yield return item;
        }
    }
}
