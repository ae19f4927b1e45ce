using System.Runtime.InteropServices;
using Otklik.Text.Analysis;

namespace Otklik.Text.Features;

/// <summary>
/// Text → sparse features: normalized words, their stems and stem pairs (the word block) and character n-grams
/// (the char block). See <see cref="Weigh"/> for the weighting. Thread-safe.
/// </summary>
internal sealed class FeatureVectorizer
{
    [ThreadStatic]
    private static RussianStemmer? t_stemmer;

    // Words repeat a lot across appeals; resolving a word (stemming, hashing its n-grams) costs far more than a lookup.
    private readonly WordCache _words = new();

    private static readonly long NumberHash = WordCache.Hash(Tokenizer.Number);

    // 1 + ln n for the counts a text has, computed once with the same MathF.Log: the same values, no call per word.
    private static readonly float[] CountWeights = Enumerable.Range(0, 256).Select(n => 1f + MathF.Log(n)).ToArray();

    // Where a new word's look-ups put the value that keeps their cache loads (see DocumentScratch.Sink). New words are
    // rare once the cache is warm, so a shared field costs little here.
    private int _newWordSink;

    public FeatureVectorizer(FeatureSettings settings, Vocabulary vocabulary)
    {
        Settings = settings;
        Vocabulary = vocabulary;
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

    public DocumentScratch NewScratch() => new();

    /// <summary>Splits <paramref name="raw"/> into its distinct resolved words with counts and its word-pair columns.</summary>
    public void Analyze(string raw, DocumentScratch document)
    {
        document.Clear();
        var text = TextNormalizer.Normalize(raw);
        Tokenizer.Split(text, document.Ranges);
        var count = document.Ranges.Count;
        var ranges = CollectionsMarshal.AsSpan(document.Ranges);

        // In phases, so that the cache misses of different words overlap: a word's cache slot, then its resolved word,
        // then its projection are each a miss, and one word after another would wait for every one in turn.
        Span<long> hashes = count <= 1024 ? stackalloc long[count] : new long[count];
        for (var i = 0; i < count; i++)
        {
            var span = text.AsSpan(ranges[i]);
            hashes[i] = Tokenizer.IsNumber(span) ? NumberHash : WordCache.Hash(span);
        }

        document.Sink ^= _words.Touch(hashes);
        var sequence = document.Sequence;
        for (var i = 0; i < count; i++)
        {
            sequence.Add(_words.Find(hashes[i]) ?? ResolveNew(text.AsSpan(ranges[i]), hashes[i]));
        }

        var touched = 0;
        foreach (var word in sequence)
        {
            touched ^= word.StemKey ^ (word.Projection?.Length ?? 0);
        }

        document.Sink ^= touched;
        Span<int> pairKeys = count <= 1024 ? stackalloc int[count] : new int[count];
        var pairs = 0;
        var previous = 0;
        var first = true;
        foreach (var word in sequence)
        {
            document.AddWord(word);
            if (Settings.WordBigrams && !first)
            {
                pairKeys[pairs++] = FeatureHash.Pair(previous, word.StemKey);
            }

            previous = word.StemKey;
            first = false;
        }

        // Pairs are looked up together, after the words: each is a cache miss in the vocabulary (see FindMany).
        Span<int> pairColumns = pairs <= 1024 ? stackalloc int[pairs] : new int[pairs];
        Span<float> pairIdfs = pairs <= 1024 ? stackalloc float[pairs] : new float[pairs];
        document.Sink ^= Vocabulary.FindMany(pairKeys[..pairs], pairColumns, pairIdfs);
        for (var i = 0; i < pairs; i++)
        {
            if (pairColumns[i] >= 0)
            {
                document.AddPair(pairColumns[i], pairIdfs[i]);
            }
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
            var c = CountWeight(document.Counts[i]);
            var own = (word.StemIdf * word.StemIdf) + (word.CharColumns.Length > 0 ? charWeight * charWeight : 0f);
            squared += c * c * own;
        }

        var pairs = document.PairValues;
        for (var i = 0; i < pairs.Count; i++)
        {
            var v = CountWeight((int)pairs[i]) * document.PairIdf[i];
            pairs[i] = v;
            squared += v * v;
        }

        return squared > 0 ? (float)(1 / Math.Sqrt(squared)) : 0f;
    }

    /// <summary>1 + ln <paramref name="count"/>: a word's or pair's weight for its count in a text.</summary>
    public static float CountWeight(int count) => count < CountWeights.Length ? CountWeights[count] : 1f + MathF.Log(count);

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

        for (var i = 0; i < document.PairColumns.Count; i++)
        {
            values.Add(document.PairColumns[i], document.PairValues[i]);
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

    private TokenColumns ResolveNew(ReadOnlySpan<char> word, long hash) =>
        Tokenizer.IsNumber(word) ? Resolve(Tokenizer.Number) : Resolve(word.ToString(), hash);

    private TokenColumns Resolve(ReadOnlySpan<char> word)
    {
        var hash = WordCache.Hash(word);
        return _words.Find(hash) ?? Resolve(word.ToString(), hash);
    }

    public TokenColumns Resolve(string word) => Resolve(word.AsSpan());

    private TokenColumns Resolve(string word, long hash)
    {
        var count = CharNgramKeys.Count(word.Length, Settings);
        Span<int> keys = count <= 512 ? stackalloc int[count] : new int[count];
        Span<int> columns = count <= 512 ? stackalloc int[count] : new int[count];
        Span<float> idfs = count <= 512 ? stackalloc float[count] : new float[count];
        CharNgramKeys.Fill(word, Settings, keys);
        _newWordSink ^= Vocabulary.FindMany(keys, columns, idfs);

        // A word's n-grams weighted by idf (an n-gram repeated inside the word adds up), then scaled to unit length.
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            if (columns[i] >= 0)
            {
                columns[found] = columns[i];
                idfs[found++] = idfs[i];
            }
        }

        columns[..found].Sort(idfs[..found]);
        var distinct = 0;
        for (var i = 0; i < found; i++)
        {
            if (distinct > 0 && columns[distinct - 1] == columns[i])
            {
                idfs[distinct - 1] += idfs[i];
                continue;
            }

            columns[distinct] = columns[i];
            idfs[distinct++] = idfs[i];
        }

        var squared = 0f;
        for (var i = 0; i < distinct; i++)
        {
            squared += idfs[i] * idfs[i];
        }

        var norm = MathF.Sqrt(squared);
        var charValues = new float[distinct];
        for (var i = 0; i < distinct; i++)
        {
            charValues[i] = idfs[i] / norm;
        }

        var stem = Stemmer.Stem(word);
        var stemKey = FeatureHash.Of(stem, FeatureHash.StemSeed);
        var stemColumn = Vocabulary.Find(stemKey, out var stemIdf);
        var resolved = new TokenColumns(word, stem, stemKey, stemColumn, stemIdf, columns[..distinct].ToArray(), charValues);
        _words.Add(hash, resolved);

        return resolved;
    }
}
