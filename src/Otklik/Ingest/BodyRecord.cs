using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>A body read from a registry file, or why the record at <see cref="Line"/> is not one.</summary>
public readonly record struct BodyRecord(long Line, BodyEntry? Entry, string? Error);
