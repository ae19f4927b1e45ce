namespace Otklik.Text.Features;

/// <summary>
/// The keys of a word's character n-grams inside boundary marks ("&lt;word&gt;"), written into a caller's buffer.
/// FNV-1a is a left-to-right fold, so the hashes of all n-grams that start at one position come from one pass over
/// at most <see cref="FeatureSettings.CharMaxN"/> characters: no substring, no rehashing of the shared prefix.
/// The keys equal <see cref="FeatureHash.OfChars"/> of each n-gram (a test holds them together).
/// </summary>
internal static class CharNgramKeys
{
    /// <summary>How many keys <see cref="Fill"/> writes for a word of <paramref name="length"/> characters.</summary>
    public static int Count(int length, FeatureSettings settings)
    {
        var total = length + 2;
        var count = 0;
        for (var n = settings.CharMinN; n <= settings.CharMaxN; n++)
        {
            count += Math.Max(0, total - n + 1);
        }

        return count;
    }

    /// <summary>Writes the keys (ordered by start, then length) and returns how many; <paramref name="keys"/> holds at least <see cref="Count"/>.</summary>
    public static int Fill(ReadOnlySpan<char> word, FeatureSettings settings, Span<int> keys)
    {
        var total = word.Length + 2;
        var written = 0;
        for (var start = 0; start < total; start++)
        {
            var hash = FeatureHash.Start(FeatureHash.CharSeed);
            var longest = Math.Min(settings.CharMaxN, total - start);
            for (var n = 1; n <= longest; n++)
            {
                var at = start + n - 1;
                var ch = at == 0 ? '<' : at == total - 1 ? '>' : word[at - 1];
                hash = FeatureHash.Step(hash, ch);
                if (n >= settings.CharMinN)
                {
                    keys[written++] = FeatureHash.Finish(hash);
                }
            }
        }

        return written;
    }
}
