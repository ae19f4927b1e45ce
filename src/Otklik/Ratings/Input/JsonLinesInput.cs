namespace Otklik.Ratings.Input;

/// <summary>
/// The line loop the ratings inputs share: every line that is not blank is handed to the format's parser with its file
/// name and line number; the parser returns a record or a problem, so reading goes on past bad lines.
/// </summary>
internal static class JsonLinesInput
{
    public static IEnumerable<T> ReadFile<T>(string path, Func<string, string, long, T> parse)
    {
        using var reader = Open.Text(path);
        foreach (var record in Read(reader, path, parse))
        {
            yield return record;
        }
    }

    public static IEnumerable<T> Read<T>(TextReader reader, string name, Func<string, string, long, T> parse)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return parse(text, name, line);
            }
        }
    }
}
