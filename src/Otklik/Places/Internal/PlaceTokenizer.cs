using Otklik.Folding;

namespace Otklik.Places.Internal;

/// <summary>
/// Splits text into words (letters, then letters or digits), numbers (digits, then letters: "71Б") and single
/// punctuation marks. Hyphens are their own tokens, so "р-н", "пр-т" and "Курск-Льгов" are matched the same way
/// whether a name or an abbreviation holds them.
/// </summary>
internal static class PlaceTokenizer
{
    public static List<PlaceToken> Tokenize(string text)
    {
        var tokens = new List<PlaceToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\u0301'))
                {
                    i++;
                }

                var allCaps = i - start >= 2 && text.AsSpan(start, i - start).ContainsAnyExceptInRange('А', 'Я') is false;
                tokens.Add(new PlaceToken(start, i - start, Fold(text, start, i - start), PlaceTokenKind.Word, char.IsUpper(c), allCaps));
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                while (i < text.Length && char.IsLetter(text[i]) && i - start < 8)
                {
                    i++;
                }

                tokens.Add(new PlaceToken(start, i - start, Fold(text, start, i - start), PlaceTokenKind.Number, false));
            }
            else
            {
                i++;
                var mark = c is '–' or '—' or '‐' ? "-" : c.ToString();
                tokens.Add(new PlaceToken(start, 1, mark, PlaceTokenKind.Punct, false));
            }
        }

        return tokens;
    }

    /// <summary>Tokenizes a folded name for the index: the same rules the text goes through.</summary>
    public static string[] Key(string foldedName) => Tokenize(foldedName).Select(t => t.Text).ToArray();

    private static string Fold(string text, int start, int length) => RussianText.Fold(text.Substring(start, length));
}
