namespace Otklik.Text.Features;

/// <summary>
/// The features a model knows: feature key → column, the inverse document frequency of each column and whether it
/// belongs to the character block. Built from training texts; keys seen in too few texts are dropped.
/// </summary>
/// <remarks>
/// Look-ups go through an open-addressing table whose slot holds key, column and idf together: prediction is bound by
/// cache misses, and a Dictionary plus a separate idf array cost three per feature where this costs one.
/// </remarks>
internal sealed class Vocabulary
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public Vocabulary(int[] keys, float[] idf, bool[] isChar)
    {
        Keys = keys;
        Idf = idf;
        IsChar = isChar;
        // At most half full: a key that is not a feature (most n-grams of a new word) ends its probe quickly.
        var size = 16;
        while (size < keys.Length * 2)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            var at = (int)((uint)keys[i] & (uint)_mask);
            while (_slots[at].ColumnPlusOne != 0)
            {
                at = (at + 1) & _mask;
            }

            _slots[at] = new Slot(keys[i], i + 1, idf[i]);
        }
    }

    public int[] Keys { get; }

    public float[] Idf { get; }

    public bool[] IsChar { get; }

    public int Count => Keys.Length;

    public int ColumnOf(int key) => Find(key, out _);

    /// <summary>The column of <paramref name="key"/> and its idf, or -1 (and idf 0) when it is not a feature.</summary>
    public int Find(int key, out float idf)
    {
        // Keys are finished hashes (FeatureHash), so their low bits are already well mixed.
        var at = (int)((uint)key & (uint)_mask);
        while (true)
        {
            ref readonly var slot = ref _slots[at];
            if (slot.ColumnPlusOne == 0)
            {
                idf = 0f;
                return -1;
            }

            if (slot.Key == key)
            {
                idf = slot.Idf;
                return slot.ColumnPlusOne - 1;
            }

            at = (at + 1) & _mask;
        }
    }

    /// <summary>
    /// <see cref="Find"/> for many keys: columns[i] and idfs[i] for keys[i]. The table is megabytes, so each key's
    /// slot is a cache miss; a first pass only loads every slot, with nothing waiting on the loads, so the processor
    /// fetches them side by side instead of one probe loop's miss after another.
    /// </summary>
    public int FindMany(ReadOnlySpan<int> keys, Span<int> columns, Span<float> idfs)
    {
        var touched = 0;
        foreach (var key in keys)
        {
            touched |= _slots[(int)((uint)key & (uint)_mask)].ColumnPlusOne;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            columns[i] = Find(keys[i], out idfs[i]);
        }

        // Returned so that the loads are not optimized away (a [ThreadStatic] sink cost a TLS look-up per call).
        return touched;
    }

    /// <summary>Counts in how many documents each key occurs and keeps the frequent enough ones, in key order.</summary>
    public static Vocabulary Fit(IReadOnlyList<(HashSet<int> Words, HashSet<int> Chars)> documents, FeatureSettings settings)
    {
        var wordDf = new Dictionary<int, int>();
        var charDf = new Dictionary<int, int>();
        foreach (var (words, chars) in documents)
        {
            foreach (var key in words)
            {
                wordDf[key] = wordDf.GetValueOrDefault(key) + 1;
            }

            foreach (var key in chars)
            {
                charDf[key] = charDf.GetValueOrDefault(key) + 1;
            }
        }

        var kept = new List<(int Key, int Df, bool IsChar)>();
        kept.AddRange(wordDf.Where(p => p.Value >= settings.WordMinDocuments).Select(p => (p.Key, p.Value, false)));
        // A key can in principle be both a word and a char key; the word reading wins, one column per key.
        kept.AddRange(charDf.Where(p => p.Value >= settings.CharMinDocuments && !wordDf.ContainsKey(p.Key)).Select(p => (p.Key, p.Value, true)));
        kept.Sort((a, b) => a.Key.CompareTo(b.Key));
        var n = documents.Count;
        // Smoothed idf, as scikit-learn computes it, so that the two are comparable.
        return new Vocabulary(
            kept.Select(k => k.Key).ToArray(),
            kept.Select(k => (float)(Math.Log((1.0 + n) / (1.0 + k.Df)) + 1.0)).ToArray(),
            kept.Select(k => k.IsChar).ToArray());
    }

    private readonly record struct Slot(int Key, int ColumnPlusOne, float Idf);
}
