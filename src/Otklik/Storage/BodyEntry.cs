using Otklik.Model;

namespace Otklik.Storage;

/// <summary>A body for the registry, with its parent named rather than numbered (files do not know our ids).</summary>
public sealed record BodyEntry(Body Body, string? ParentName);
