namespace Otklik.Storage;

/// <summary>A key and how many cases have it; <see cref="Key"/> is null for cases without the value.</summary>
public sealed record CountRow(string? Key, long Count);
