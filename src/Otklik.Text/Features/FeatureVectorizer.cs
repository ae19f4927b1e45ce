using System.Collections.Concurrent;
using Otklik.Text.Analysis;

namespace Otklik.Text.Features;

/// <summary>
/// Text → sparse features: normalized words, their stems and stem pairs (the word block) and character n-grams
/// (the char block). See <see cref="Weigh"/> for the weighting. Thread-safe.
/// </summary>
internal sealed class FeatureVectorizer
{
    // Words repeat a lot across appeals; resolving a word (stemming, hashing its n-grams) costs far more than a lookup.
    // Bounded so that a stream of garbage cannot grow it without end.
    private const int MaxCachedWords = 400_000;

    [ThreadStatic]
    private static RussianStemmer? t_stemmer;

    private readonly ConcurrentDictionary<string, TokenColumns> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenColumns>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;

    public FeatureVectorizer(FeatureSettings settings, Vocabulary vocabulary)
    {
        Settings = settings;
        Vocabulary = vocabulary;
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public FeatureSettings Settings { get; }

    public Vocabulary Vocabulary { get; }

    private static RussianStemmer Stemmer => t_stemmer ??= new RussianStemmer();

    /// <summary>Learns the vocabulary of <paramref name="texts"/>.</summary>
    public static FeatureVectorizer Fit(IReadOnlyList<string> texts, FeatureSettings settings)
    {
        var keysOfWord = new Dictionary<string, TokenKeys>(StringComparer.Ordinal);
        var stemmer = new RussianStemmer();
        var documents = new List<(HashSet<int>, HashSet<int>)>(texts.Count);
        foreach (var text in texts)
        {
            var words = new HashSet<int>();
            var chars = new HashSet<int>();
            var previous = 0;
            var first = true;
            foreach (var word in Tokenizer.Words(TextNormalizer.Normalize(text)))
            {
                if (!keysOfWord.TryGetValue(word, out var keys))
                {
                    keys = TokenKeys.Of(word, stemmer, settings);
                    keysOfWord[word] = keys;
                }

                words.Add(keys.StemKey);
                if (settings.WordBigrams && !first)
                {
                    words.Add(FeatureHash.Pair(previous, keys.StemKey));
                }

                chars.UnionWith(keys.CharKeys);
                previous = keys.StemKey;
                first = false;
            }

            documents.Add((words, chars));
        }

        return new FeatureVectorizer(settings, Vocabulary.Fit(documents, settings));
    }

    public DocumentScratch NewScratch() => new(Vocabulary.Count);

    /// <summary>Splits <paramref name="raw"/> into its distinct resolved words with counts and its word-pair columns.</summary>
    public void Analyze(string raw, DocumentScratch document)
    {
        document.Clear();
        var text = TextNormalizer.Normalize(raw);
        Tokenizer.Split(text, document.Ranges);
        var previous = 0;
        var first = true;
        foreach (var range in document.Ranges)
        {
            var span = text.AsSpan(range);
            var word = Tokenizer.IsNumber(span) ? Resolve(Tokenizer.Number) : Resolve(span);
            document.AddWord(word);
            if (Settings.WordBigrams && !first)
            {
                var pair = Vocabulary.ColumnOf(FeatureHash.Pair(previous, word.StemKey));
                if (pair >= 0)
                {
                    document.Pairs.Add(pair);
                }
            }

            previous = word.StemKey;
            first = false;
        }
    }

    /// <summary>
    /// The weight of each distinct word (1 + ln count) and of each pair column ((1 + ln count) · idf), and the norm
    /// that scales the whole text to unit length. Words count as orthogonal for the norm (their char n-grams overlap):
    /// an approximation that lets a word's effect on the scores be computed once and reused.
    /// </summary>
    public float Weigh(DocumentScratch document)
    {
        var charWeight = Settings.CharBlockWeight;
        var squared = 0.0;
        for (var i = 0; i < document.Words.Count; i++)
        {
            var word = document.Words[i];
            var c = 1f + MathF.Log(document.Counts[i]);
            var own = (word.StemIdf * word.StemIdf) + (word.CharColumns.Length > 0 ? charWeight * charWeight : 0f);
            squared += c * c * own;
        }

        var pairs = document.Pairs;
        foreach (var column in pairs.Touched)
        {
            var v = (1f + MathF.Log(pairs.Values[column])) * Vocabulary.Idf[column];
            pairs.Values[column] = v;
            squared += v * v;
        }

        return squared > 0 ? (float)(1 / Math.Sqrt(squared)) : 0f;
    }

    /// <summary>The features of one text as a row with sorted columns: for training.</summary>
    public SparseRow Row(string raw, DocumentScratch document, VectorScratch values)
    {
        Analyze(raw, document);
        var weights = document.Counts.Select(n => 1f + MathF.Log(n)).ToArray();
        var scale = Weigh(document);
        values.Clear();
        var charWeight = Settings.CharBlockWeight;
        for (var i = 0; i < document.Words.Count; i++)
        {
            var word = document.Words[i];
            if (word.StemColumn >= 0)
            {
                values.Add(word.StemColumn, weights[i] * word.StemIdf);
            }

            for (var j = 0; j < word.CharColumns.Length; j++)
            {
                values.Add(word.CharColumns[j], weights[i] * charWeight * word.CharValues[j]);
            }
        }

        foreach (var column in document.Pairs.Touched)
        {
            values.Add(column, document.Pairs.Values[column]);
        }

        var columns = values.Touched.ToArray();
        Array.Sort(columns);
        var result = new float[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            result[i] = values.Values[columns[i]] * scale;
        }

        return new SparseRow(columns, result);
    }

    private TokenColumns Resolve(ReadOnlySpan<char> word)
    {
        if (_wordsBySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        return Resolve(word.ToString());
    }

    public TokenColumns Resolve(string word)
    {
        if (_words.TryGetValue(word, out var known))
        {
            return known;
        }

        var keys = TokenKeys.Of(word, Stemmer, Settings);
        // A word's n-grams weighted by idf (an n-gram repeated inside the word adds up), then scaled to unit length.
        var columns = new List<int>(keys.CharKeys.Length);
        foreach (var key in keys.CharKeys)
        {
            var column = Vocabulary.ColumnOf(key);
            if (column >= 0)
            {
                columns.Add(column);
            }
        }

        columns.Sort();
        var distinct = new List<int>(columns.Count);
        var values = new List<float>(columns.Count);
        foreach (var column in columns)
        {
            if (distinct.Count > 0 && distinct[^1] == column)
            {
                values[^1] += Vocabulary.Idf[column];
                continue;
            }

            distinct.Add(column);
            values.Add(Vocabulary.Idf[column]);
        }

        var norm = MathF.Sqrt(values.Sum(v => v * v));
        var stemColumn = Vocabulary.ColumnOf(keys.StemKey);
        var resolved = new TokenColumns(word, keys.Stem, keys.StemKey, stemColumn, stemColumn >= 0 ? Vocabulary.Idf[stemColumn] : 0f,
            distinct.ToArray(), values.Select(v => v / norm).ToArray());
        if (_words.Count < MaxCachedWords)
        {
            _words.TryAdd(word, resolved);
        }

        return resolved;
    }
}
