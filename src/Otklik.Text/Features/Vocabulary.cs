namespace Otklik.Text.Features;

/// <summary>
/// The features a model knows: feature key → column, the inverse document frequency of each column and whether it
/// belongs to the character block. Built from training texts; keys seen in too few texts are dropped.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<int, int> _columns;

    public Vocabulary(int[] keys, float[] idf, bool[] isChar)
    {
        Keys = keys;
        Idf = idf;
        IsChar = isChar;
        _columns = new Dictionary<int, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            _columns[keys[i]] = i;
        }
    }

    public int[] Keys { get; }

    public float[] Idf { get; }

    public bool[] IsChar { get; }

    public int Count => Keys.Length;

    public int ColumnOf(int key) => _columns.GetValueOrDefault(key, -1);

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
}
