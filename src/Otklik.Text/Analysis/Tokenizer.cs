namespace Otklik.Text.Analysis;

/// <summary>Splits normalized text into words: runs of letters and digits. A run of digits becomes <see cref="Number"/>.</summary>
internal static class Tokenizer
{
    /// <summary>Every number is one word: house numbers and dates carry no topic, and their variety would only add noise.</summary>
    public const string Number = "0";

    /// <summary>Fills <paramref name="tokens"/> with the ranges of the words of <paramref name="text"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, List<Range> tokens)
    {
        tokens.Clear();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(new Range(start, i));
                start = -1;
            }
        }
    }

    /// <summary>
    /// char.IsLetterOrDigit with the folded text's common letters answered here: it looks every Cyrillic letter up in
    /// the Unicode category tables, a visible share of tokenizing.
    /// </summary>
    private static bool IsLetterOrDigit(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' or >= 'а' and <= 'я' => true,
        < '\u0080' => char.IsAsciiLetterOrDigit(c),
        _ => char.IsLetterOrDigit(c),
    };

    /// <summary>True when the word holds digits only.</summary>
    public static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var ch in word)
        {
            if (!char.IsDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words of normalized text as strings (numbers folded to <see cref="Number"/>): for tests and explanations.</summary>
    public static List<string> Words(string text)
    {
        var ranges = new List<Range>();
        Split(text, ranges);
        return ranges.Select(r => IsNumber(text.AsSpan(r)) ? Number : text[r]).ToList();
    }
}
