namespace Otklik.Text.Features;

/// <summary>Reusable buffers for one text: its distinct words with counts and its word-pair columns. One per thread.</summary>
internal sealed class DocumentScratch
{
    private readonly Dictionary<TokenColumns, int> _slot = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, int> _pairSlot = new(128);

    /// <summary>Distinct words in first-seen order.</summary>
    public List<TokenColumns> Words { get; } = new(128);

    /// <summary>How often each of <see cref="Words"/> occurs.</summary>
    public List<int> Counts { get; } = new(128);

    /// <summary>Distinct word-pair columns in first-seen order.</summary>
    public List<int> PairColumns { get; } = new(128);

    /// <summary>Per pair column: its count while analyzing, its weight after <see cref="FeatureVectorizer.Weigh"/>.</summary>
    public List<float> PairValues { get; } = new(128);

    /// <summary>Per pair column: its idf.</summary>
    public List<float> PairIdf { get; } = new(128);

    public List<Range> Ranges { get; } = new(128);

    /// <summary>
    /// Where loads that only bring data into the cache put their result, so that they are not optimized away. Here, in
    /// the thread's own scratch, rather than in a [ThreadStatic] field: each of those cost a TLS look-up per call.
    /// </summary>
    public long Sink { get; set; }

    /// <summary>The resolved words in text order (with repeats).</summary>
    public List<TokenColumns> Sequence { get; } = new(128);

    public void Clear()
    {
        Words.Clear();
        Counts.Clear();
        Sequence.Clear();
        _slot.Clear();
        PairColumns.Clear();
        PairValues.Clear();
        PairIdf.Clear();
        _pairSlot.Clear();
    }

    public void AddWord(TokenColumns word)
    {
        if (_slot.TryGetValue(word, out var slot))
        {
            Counts[slot]++;
            return;
        }

        _slot[word] = Words.Count;
        Words.Add(word);
        Counts.Add(1);
    }

    public void AddPair(int column, float idf)
    {
        if (_pairSlot.TryGetValue(column, out var slot))
        {
            PairValues[slot]++;
            return;
        }

        _pairSlot[column] = PairColumns.Count;
        PairColumns.Add(column);
        PairValues.Add(1f);
        PairIdf.Add(idf);
    }
}
