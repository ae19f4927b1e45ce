namespace Otklik.Ingest;

/// <summary>A labeled appeal, or the reason the record at <see cref="Line"/> is not one.</summary>
public sealed record KurskReadResult(long Line, LabeledAppeal? Appeal, string? Error);
