namespace Otklik.Text.Features;

/// <summary>Reusable buffers for one text: its distinct words with counts and its word-pair columns. One per thread.</summary>
internal sealed class DocumentScratch
{
    private readonly Dictionary<TokenColumns, int> _slot = new(ReferenceEqualityComparer.Instance);

    public DocumentScratch(int columns)
    {
        Pairs = new VectorScratch(columns);
    }

    /// <summary>Distinct words in first-seen order.</summary>
    public List<TokenColumns> Words { get; } = new(128);

    /// <summary>How often each of <see cref="Words"/> occurs.</summary>
    public List<int> Counts { get; } = new(128);

    /// <summary>Word-pair columns with their counts.</summary>
    public VectorScratch Pairs { get; }

    public List<Range> Ranges { get; } = new(128);

    public void Clear()
    {
        Words.Clear();
        Counts.Clear();
        _slot.Clear();
        Pairs.Clear();
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
}
