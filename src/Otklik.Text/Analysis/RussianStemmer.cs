namespace Otklik.Text.Analysis;

/// <summary>
/// The Snowball Russian stemmer of Lucene.NET for lower-case words; words without Cyrillic letters pass unchanged.
/// Not thread-safe (the Snowball program keeps state): one instance per thread.
/// </summary>
internal sealed class RussianStemmer
{
    private readonly Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer _snowball = new();

    public string Stem(string word)
    {
        if (word.Length < 3 || !HasCyrillic(word))
        {
            return word;
        }

        _snowball.SetCurrent(word);
        _snowball.Stem();
        return _snowball.Current;
    }

    private static bool HasCyrillic(string word)
    {
        foreach (var ch in word)
        {
            if (ch is >= 'а' and <= 'я')
            {
                return true;
            }
        }

        return false;
    }
}
