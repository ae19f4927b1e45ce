namespace Otklik.Places.Internal;

/// <summary>A word, number or punctuation mark of the stripped text; <see cref="Text"/> is folded, the span is the original's.</summary>
internal readonly record struct PlaceToken(int Start, int Length, string Text, PlaceTokenKind Kind, bool Capitalized, bool AllCaps = false)
{
    public int End => Start + Length;

    public bool IsWord => Kind == PlaceTokenKind.Word;

    public bool Is(string text) => string.Equals(Text, text, StringComparison.Ordinal);
}
