namespace Otklik.Ingest;

/// <summary>Where an import is: the file and the byte position in it, and the counts so far.</summary>
public sealed record ImportProgress(
    string File,
    int FileIndex,
    int FileCount,
    long Position,
    long Length,
    long Read,
    long Imported,
    long Duplicates,
    long Quarantined);
