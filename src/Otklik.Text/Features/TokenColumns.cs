namespace Otklik.Text.Features;

/// <summary>A word resolved against the vocabulary: its stem, the stem's key (for pairs) and its known columns.</summary>
internal sealed record TokenColumns(string Stem, int StemKey, int StemColumn, int[] CharColumns);
