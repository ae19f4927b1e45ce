namespace Otklik.Storage;

/// <summary>What a registry import changed. A body is matched by its folded name.</summary>
public readonly record struct BodyUpsertOutcome(int Added, int Updated);
