namespace Otklik.Storage.Cases;

/// <summary>Open cases of one body right now, and how many of them are past a deadline they have not met.</summary>
public sealed record OpenCasesRow(long? BodyId, long Open, long Overdue);
