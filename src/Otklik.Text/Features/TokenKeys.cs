using Otklik.Text.Analysis;

namespace Otklik.Text.Features;

/// <summary>The feature keys one word yields: its stem and its character n-grams inside word boundaries.</summary>
internal sealed record TokenKeys(string Stem, int StemKey, int[] CharKeys)
{
    public static TokenKeys Of(string word, RussianStemmer stemmer, FeatureSettings settings)
    {
        var stem = stemmer.Stem(word);
        var chars = new int[CharNgramKeys.Count(word.Length, settings)];
        CharNgramKeys.Fill(word, settings, chars);
        return new TokenKeys(stem, FeatureHash.Of(stem, FeatureHash.StemSeed), chars);
    }
}
