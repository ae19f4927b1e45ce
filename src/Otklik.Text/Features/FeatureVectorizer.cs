using System.Collections.Concurrent;
using Otklik.Text.Analysis;

namespace Otklik.Text.Features;

/// <summary>
/// Text → sparse features: normalized words, their stems and stem pairs (the word block) and character n-grams
/// (the char block), weighted by sublinear tf × idf and L2-normalized per block. Thread-safe.
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

    public VectorScratch NewScratch() => new(Vocabulary.Count);

    /// <summary>Fills <paramref name="scratch"/> with the weighted features of <paramref name="raw"/>.</summary>
    public void Vectorize(string raw, VectorScratch scratch, List<TokenColumns>? words = null)
    {
        scratch.Clear();
        var text = TextNormalizer.Normalize(raw);
        Tokenizer.Split(text, scratch.Ranges);
        var previous = 0;
        var first = true;
        foreach (var range in scratch.Ranges)
        {
            var span = text.AsSpan(range);
            var word = Tokenizer.IsNumber(span) ? Resolve(Tokenizer.Number) : Resolve(span);
            words?.Add(word);
            if (word.StemColumn >= 0)
            {
                scratch.Add(word.StemColumn);
            }

            if (Settings.WordBigrams && !first)
            {
                var pair = Vocabulary.ColumnOf(FeatureHash.Pair(previous, word.StemKey));
                if (pair >= 0)
                {
                    scratch.Add(pair);
                }
            }

            foreach (var column in word.CharColumns)
            {
                scratch.Add(column);
            }

            previous = word.StemKey;
            first = false;
        }

        Weigh(scratch);
    }

    /// <summary>The features of one text as a row with sorted columns: for training and evaluation.</summary>
    public SparseRow Row(string raw, VectorScratch scratch)
    {
        Vectorize(raw, scratch);
        var columns = scratch.Touched.ToArray();
        Array.Sort(columns);
        var values = new float[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            values[i] = scratch.Values[columns[i]];
        }

        return new SparseRow(columns, values);
    }

    private void Weigh(VectorScratch scratch)
    {
        var values = scratch.Values;
        var idf = Vocabulary.Idf;
        var isChar = Vocabulary.IsChar;
        double wordNorm = 0, charNorm = 0;
        foreach (var column in scratch.Touched)
        {
            var v = (1f + MathF.Log(values[column])) * idf[column];
            values[column] = v;
            if (isChar[column])
            {
                charNorm += v * v;
            }
            else
            {
                wordNorm += v * v;
            }
        }

        var wordScale = wordNorm > 0 ? (float)(1 / Math.Sqrt(wordNorm)) : 0f;
        var charScale = charNorm > 0 ? (float)(Settings.CharBlockWeight / Math.Sqrt(charNorm)) : 0f;
        foreach (var column in scratch.Touched)
        {
            values[column] *= isChar[column] ? charScale : wordScale;
        }
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
        var chars = new List<int>(keys.CharKeys.Length);
        foreach (var key in keys.CharKeys)
        {
            var column = Vocabulary.ColumnOf(key);
            if (column >= 0)
            {
                chars.Add(column);
            }
        }

        var resolved = new TokenColumns(keys.Stem, keys.StemKey, Vocabulary.ColumnOf(keys.StemKey), chars.ToArray());
        if (_words.Count < MaxCachedWords)
        {
            _words.TryAdd(word, resolved);
        }

        return resolved;
    }
}
