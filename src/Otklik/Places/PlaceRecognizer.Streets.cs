using Otklik.Places.Internal;

namespace Otklik.Places;

public sealed partial class PlaceRecognizer
{
    private const int MaxStreetWords = 4;

    /// <summary>Streets with their type word before ("ул. Союзная", "проспект Дружбы") or after ("Орловской ул."), and the house.</summary>
    private static List<StreetAddress> FindStreets(string text, List<PlaceToken> tokens, bool[] consumed)
    {
        var streets = new List<StreetAddress>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || StreetTypeAt(tokens, i) is not { } type)
            {
                continue;
            }

            var afterType = type.End + 1;
            if (afterType < tokens.Count && tokens[afterType].Is("."))
            {
                afterType++;
            }

            var (nameFirst, nameLast) = StreetNameAfter(tokens, afterType);
            var typeFirst = i;
            var typeLast = afterType - 1;
            if (nameLast < nameFirst)
            {
                // "по Орловской ул." — the name before its type word; only a capitalized word qualifies.
                if (i == 0 || tokens[i - 1] is not { IsWord: true, Capitalized: true } || consumed[i - 1] || type.Name == "пр-т" && tokens[i].Is("пр"))
                {
                    continue;
                }

                nameFirst = nameLast = i - 1;
                typeFirst = i - 1;
            }

            var (house, houseSpan, end) = HouseAfter(text, tokens, Math.Max(nameLast, typeLast) + 1);
            var first = Math.Min(typeFirst, nameFirst);
            var last = Math.Max(end, Math.Max(nameLast, typeLast));
            for (var k = first; k <= last; k++)
            {
                consumed[k] = true;
            }

            var name = text[tokens[nameFirst].Start..tokens[nameLast].End];
            var span = new TextSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
            streets.Add(new StreetAddress(type.Name, name, house, span, houseSpan, house is null ? 0.8 : 0.9));
            i = last;
        }

        return streets;
    }

    /// <summary>The street type starting at <paramref name="i"/>: "ул", "пр-т" (three tokens), "проспекте"...</summary>
    private static (string Name, int End)? StreetTypeAt(List<PlaceToken> tokens, int i)
    {
        if (i + 2 < tokens.Count && tokens[i + 1].Is("-") && tokens[i + 2].IsWord &&
            PlaceVocabulary.StreetTypes.TryGetValue(tokens[i].Text + "-" + tokens[i + 2].Text, out var compound))
        {
            return (compound, i + 2);
        }

        if (!PlaceVocabulary.StreetTypes.TryGetValue(tokens[i].Text, out var type))
        {
            return null;
        }

        // Short abbreviations need their dot or a capitalized/numbered name after them: "ш" and "пл" are also plain letters.
        var dotted = i + 1 < tokens.Count && tokens[i + 1].Is(".");
        var nameAfter = i + 1 < tokens.Count && (tokens[i + 1].Capitalized || tokens[i + 1].Kind == PlaceTokenKind.Number);
        var nameBefore = i > 0 && tokens[i - 1] is { IsWord: true, Capitalized: true };
        if (tokens[i].Text.Length <= 2 && !dotted && !nameAfter && !nameBefore)
        {
            return null;
        }

        return (type, i);
    }

    private static (int First, int Last) StreetNameAfter(List<PlaceToken> tokens, int at)
    {
        var first = at;
        var last = at - 1;
        var words = 0;
        var k = at;
        while (k < tokens.Count && words < MaxStreetWords)
        {
            var t = tokens[k];
            if (t.Kind == PlaceTokenKind.Number)
            {
                // "50 лет Октября", "2-я Новоселовка", "Бойцов 9 Дивизии": a number inside a name is followed by a word.
                var next = k + 1 < tokens.Count ? tokens[k + 1] : default;
                var ordinal = next.Is("-") && k + 2 < tokens.Count && tokens[k + 2].IsWord && tokens[k + 2].Length <= 2;
                if (ordinal)
                {
                    last = k + 2;
                    k += 3;
                    words++;
                    continue;
                }

                if (next.IsWord && !PlaceVocabulary.HouseMarkers.Contains(next.Text) && !PlaceVocabulary.NotNames.Contains(next.Text) &&
                    (words == 0 || next.Capitalized))
                {
                    last = k;
                    k++;
                    continue;
                }

                break;
            }

            if (!t.IsWord)
            {
                if (t.Is(".") && last >= first && tokens[last] is { Length: 1, Capitalized: true })
                {
                    last = k; // an initial: "С. Разина"
                    k++;
                    continue;
                }

                if (t.Is("-") && last >= first && k + 1 < tokens.Count && tokens[k + 1].IsWord)
                {
                    k++;
                    continue;
                }

                break;
            }

            if (t is { Length: 1, Capitalized: true } && k + 1 < tokens.Count && tokens[k + 1].Is("."))
            {
                last = k; // an initial before a surname: "ул. С. Разина"
                k++;
                continue;
            }

            if (PlaceVocabulary.NotNames.Contains(t.Text) || (PlaceVocabulary.HouseMarkers.Contains(t.Text) && words > 0))
            {
                break;
            }

            var afterNumber = last >= first && tokens[last].Kind == PlaceTokenKind.Number;
            if (words > 0 && !t.Capitalized && !afterNumber)
            {
                break;
            }

            last = k;
            words++;
            k++;
        }

        return (first, last);
    }

    /// <summary>", д. 71Б", " дом 1", " 22", "№ 5/1": the house number after a street, and the last token it used.</summary>
    private static (string? House, TextSpan? Span, int End) HouseAfter(string text, List<PlaceToken> tokens, int at)
    {
        var k = at;
        if (k < tokens.Count && tokens[k].Is(","))
        {
            k++;
        }

        if (k < tokens.Count && tokens[k].IsWord && (tokens[k].Is("д") || tokens[k].Is("дом")))
        {
            k++;
            if (k < tokens.Count && tokens[k].Is("."))
            {
                k++;
            }
        }

        if (k < tokens.Count && tokens[k].Is("№"))
        {
            k++;
        }

        if (k >= tokens.Count || tokens[k].Kind != PlaceTokenKind.Number)
        {
            return (null, null, at - 1);
        }

        var first = k;
        var last = k;
        if (k + 2 < tokens.Count && tokens[k + 1].Is("/") && tokens[k + 2].Kind == PlaceTokenKind.Number)
        {
            last = k + 2;
        }
        else if (k + 1 < tokens.Count && tokens[k + 1] is { IsWord: true, Length: 1 } letter && letter.Start == tokens[k].End + 1 &&
                 !PlaceVocabulary.HouseMarkers.Contains(letter.Text) && !PlaceVocabulary.NotNames.Contains(letter.Text))
        {
            last = k + 1; // "71 Б"
        }

        var span = new TextSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
        return (span.Of(text).Replace(" ", string.Empty, StringComparison.Ordinal), span, last);
    }
}
