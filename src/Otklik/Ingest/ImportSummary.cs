namespace Otklik.Ingest;

/// <summary>What an import did. Every record read is exactly one of imported, duplicate or quarantined.</summary>
public sealed record ImportSummary(
    IReadOnlyList<string> Files,
    long Read,
    long Imported,
    long Duplicates,
    long Quarantined,
    TimeSpan Elapsed)
{
    /// <summary>Nothing was quarantined.</summary>
    public bool Clean => Quarantined == 0;
}
