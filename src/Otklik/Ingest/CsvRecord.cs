namespace Otklik.Ingest;

/// <summary>One CSV record with the 1-based line it started on (a quoted field may span lines).</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields);
