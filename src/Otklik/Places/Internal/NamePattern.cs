namespace Otklik.Places.Internal;

/// <summary>One folded form of one entry, as tokens; <see cref="TypeWords"/> must follow it when not null ("Льговского" + "района").</summary>
internal sealed record NamePattern(string[] Tokens, GazetteerEntry Entry, string[][]? TypeWords, bool TypeOptional, bool IsAlias);
