namespace Otklik.Ingest;

/// <summary>A record, or why the text at <see cref="Line"/> is not one. Expected failures are values, not exceptions.</summary>
public sealed record CsvReadResult(long Line, CsvRecord? Record, string? Error)
{
    public static CsvReadResult Success(CsvRecord record) => new(record.Line, record, null);

    public static CsvReadResult Failure(long line, string error) => new(line, null, error);
}
