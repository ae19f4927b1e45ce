namespace Otklik.Text.Features;

/// <summary>
/// A word resolved against the vocabulary: its stem's key (for pairs) and column, the stem's idf, and its character
/// n-gram columns with their weights (idf-weighted, unit length): the word's point in character space.
/// </summary>
internal sealed class TokenColumns(string word, string stem, int stemKey, int stemColumn, float stemIdf, int[] charColumns, float[] charValues)
{
    /// <summary>The word as written (folded): for explanations.</summary>
    public string Word { get; } = word;

    public string Stem { get; } = stem;

    public int StemKey { get; } = stemKey;

    /// <summary>-1 when the stem is not in the vocabulary.</summary>
    public int StemColumn { get; } = stemColumn;

    /// <summary>0 when the stem is not in the vocabulary.</summary>
    public float StemIdf { get; } = stemIdf;

    public int[] CharColumns { get; } = charColumns;

    public float[] CharValues { get; } = charValues;

    /// <summary>
    /// The word's contribution to every label score of the classifier that owns the vectorizer (all heads side by
    /// side), before the text's normalization: computed on first use. Races only compute the same array twice.
    /// </summary>
    public float[]? Projection { get; set; }
}
