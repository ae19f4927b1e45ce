namespace Otklik.Text.Features;

/// <summary>Which features a text yields. Stored in the model bundle: prediction must use the settings of training.</summary>
public sealed record FeatureSettings
{
    /// <summary>Shortest character n-gram, taken inside word boundaries ("&lt;word&gt;"). Defaults to 2.</summary>
    public int CharMinN { get; init; } = 2;

    /// <summary>Longest character n-gram. Defaults to 5; char n-grams are what makes typos and word forms match.</summary>
    public int CharMaxN { get; init; } = 5;

    /// <summary>Whether adjacent stems also count as a feature. Defaults to true.</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>A character n-gram must occur in at least this many training texts to be a feature. Defaults to 2.</summary>
    public int CharMinDocuments { get; init; } = 2;

    /// <summary>A stem or stem pair must occur in at least this many training texts. Defaults to 1.</summary>
    public int WordMinDocuments { get; init; } = 1;

    /// <summary>Weight of the character block relative to the word block (each is L2-normalized). Defaults to 1.</summary>
    public float CharBlockWeight { get; init; } = 1f;
}
