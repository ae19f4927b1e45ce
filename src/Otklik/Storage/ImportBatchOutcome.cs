namespace Otklik.Storage;

/// <summary>What a batch changed: messages stored (each with a new case), and messages already there.</summary>
public readonly record struct ImportBatchOutcome(int Imported, int Duplicates);
