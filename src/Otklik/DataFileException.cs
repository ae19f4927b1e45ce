namespace Otklik;

/// <summary>
/// A data file the product loads (gazetteer, routing table, deadlines, calendar) is missing or malformed.
/// The message names the file, the line and the field, and says what a good value looks like.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string path, long line, string field, string problem)
        : base(line > 0 ? $"{path}:{line}: field '{field}': {problem}" : $"{path}: {problem}")
    {
        Path = path;
        Line = line;
        Field = field;
    }

    public DataFileException()
        : this("(unknown)", 0, string.Empty, "bad data file")
    {
    }

    public DataFileException(string message)
        : base(message)
    {
        Path = string.Empty;
        Field = string.Empty;
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
        Field = string.Empty;
    }

    /// <summary>The file that could not be used.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the bad record; 0 when the problem is the whole file.</summary>
    public long Line { get; }

    /// <summary>The column or JSON property at fault; empty for whole-file problems.</summary>
    public string Field { get; }
}
