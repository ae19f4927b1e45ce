using Otklik.Text.Analysis;

namespace Otklik.Text.Features;

/// <summary>The feature keys one word yields: its stem and its character n-grams inside word boundaries.</summary>
internal sealed record TokenKeys(string Stem, int StemKey, int[] CharKeys)
{
    public static TokenKeys Of(string word, RussianStemmer stemmer, FeatureSettings settings)
    {
        var stem = stemmer.Stem(word);
        var chars = new List<int>(word.Length * (settings.CharMaxN - settings.CharMinN + 1) + 2);
        // The word with boundary marks, "<word>", without building the string: position -1 is '<', Length is '>'.
        var span = word.AsSpan();
        var total = word.Length + 2;
        for (var n = settings.CharMinN; n <= settings.CharMaxN; n++)
        {
            for (var start = 0; start + n <= total; start++)
            {
                var prefix = start == 0 ? '<' : '\0';
                var suffix = start + n == total ? '>' : '\0';
                var from = Math.Max(0, start - 1);
                var to = Math.Min(word.Length, start + n - 1);
                chars.Add(FeatureHash.OfChars(prefix, span[from..to], suffix, FeatureHash.CharSeed));
            }
        }

        return new TokenKeys(stem, FeatureHash.Of(stem, FeatureHash.StemSeed), chars.ToArray());
    }
}
