using Otklik.Folding;
using Otklik.Places.Internal;

namespace Otklik.Places;

public sealed partial class PlaceRecognizer
{
    private const double MarkedConfidence = 0.95;
    private const double TypedConfidence = 0.95;
    private const double AliasConfidence = 0.9;
    private const double CapitalizedConfidence = 0.8;
    private const double BareRegionConfidence = 0.65;
    private const double WeakConfidence = 0.45;

    private List<RawMatch> FindNames(List<PlaceToken> tokens, bool[] consumed)
    {
        var matches = new List<RawMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (consumed[i] || !token.IsWord || !_index.TryGetValue(token.Text, out var patterns))
            {
                continue;
            }

            var best = -1;
            var candidates = new List<(NamePattern Pattern, bool Typed)>();
            foreach (var pattern in patterns)
            {
                if (!NameMatches(tokens, consumed, i, pattern.Tokens))
                {
                    continue;
                }

                var last = i + pattern.Tokens.Length - 1;
                var typed = false;
                if (pattern.TypeWords is not null)
                {
                    var typeEnd = MatchTypeWord(tokens, last + 1, pattern.TypeWords);
                    if (typeEnd < 0)
                    {
                        if (!pattern.TypeOptional)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        last = typeEnd;
                        typed = true;
                    }
                }

                if (last > best)
                {
                    best = last;
                    candidates.Clear();
                }

                if (last == best && !candidates.Any(c => c.Pattern.Entry == pattern.Entry))
                {
                    candidates.Add((pattern, typed));
                }
            }

            if (best < 0 || LooksLikePersonOrOrganisation(tokens, i, best) ||
                (best == i && candidates.All(c => IsAdjectiveForm(RussianText.FoldName(c.Pattern.Entry.Name))) && NamesAnObject(tokens, i, best)))
            {
                continue;
            }

            var marked = HasMarker(tokens, i);
            var confidence = candidates.Max(c => Confidence(tokens, i, c.Pattern, c.Typed, marked));
            if (!marked && !candidates.Any(c => c.Typed) && NextIsNumber(tokens, best + 1))
            {
                // "Орловская, 6", "дома Курская 12": a street written without its type word.
                continue;
            }

            matches.Add(new RawMatch(i, best, candidates.Select(c => c.Pattern.Entry).ToList(), confidence, marked));
            for (var k = i; k <= best; k++)
            {
                consumed[k] = true;
            }

            i = best;
        }

        return matches;
    }

    private static double Confidence(List<PlaceToken> tokens, int i, NamePattern pattern, bool typed, bool marked)
    {
        if (typed)
        {
            return TypedConfidence;
        }

        if (marked && pattern.Entry.Kind is PlaceKind.City or PlaceKind.Settlement)
        {
            return MarkedConfidence;
        }

        var capitalized = tokens[i].Capitalized && !IsSentenceStart(tokens, i);
        if (pattern.IsAlias)
        {
            return tokens[i].Capitalized ? AliasConfidence : WeakConfidence;
        }

        if (pattern.TypeWords is not null)
        {
            // A region's adjective without "область": "Курская АЭС", "по Курской" — a weaker reading.
            return capitalized || tokens[i].Capitalized ? BareRegionConfidence : WeakConfidence - 0.1;
        }

        return capitalized ? CapitalizedConfidence : WeakConfidence;
    }

    private static bool NameMatches(List<PlaceToken> tokens, bool[] consumed, int at, string[] name)
    {
        if (at + name.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            if (consumed[at + k] || !tokens[at + k].Is(name[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the type word's last token when one of the sequences starts at <paramref name="at"/>; else -1.</summary>
    private static int MatchTypeWord(List<PlaceToken> tokens, int at, string[][] types)
    {
        foreach (var type in types)
        {
            if (at + type.Length > tokens.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < type.Length && ok; k++)
            {
                ok = tokens[at + k].Is(type[k]);
            }

            if (ok)
            {
                var end = at + type.Length - 1;
                return end + 1 < tokens.Count && tokens[end + 1].Is(".") ? end + 1 : end;
            }
        }

        return -1;
    }

    /// <summary>"г. Курск", "г Курск", "город Курск", "д. Бузец", "пос. Иванино" — a city or settlement marker right before.</summary>
    private static bool HasMarker(List<PlaceToken> tokens, int i) => MarkerBefore(tokens, i) is not null;

    private static string? MarkerBefore(List<PlaceToken> tokens, int i)
    {
        if (i == 0)
        {
            return null;
        }

        var dotted = tokens[i - 1].Is(".");
        var at = dotted ? i - 2 : i - 1;
        if (at < 0 || !tokens[at].IsWord)
        {
            return null;
        }

        var word = tokens[at].Text;
        if (!PlaceVocabulary.CityMarkers.Contains(word) && !PlaceVocabulary.SettlementMarkers.Contains(word))
        {
            return null;
        }

        if (!dotted && PlaceVocabulary.DotOnlyMarkers.Contains(word))
        {
            return null;
        }

        // "слобода. Пожалуйста" ends a sentence; "и т.д. Ост", "т.п. Как" are not villages.
        if (dotted && (!PlaceVocabulary.AbbreviatedMarkers.Contains(word) || at >= 2 && tokens[at - 1].Is(".") && tokens[at - 2].Is("т")))
        {
            return null;
        }

        // "д" or "г" without a dot counts only before a capitalized name ("г Курск", not "д 5").
        if (!dotted && word.Length == 1 && !tokens[i].Capitalized)
        {
            return null;
        }

        return word;
    }

    /// <summary>"А.П. Чехова", "им. Гагарина", "Гагарин Ю.А.": a person, not a place.</summary>
    private static bool LooksLikePersonOrOrganisation(List<PlaceToken> tokens, int first, int last)
    {
        if (first >= 2 && tokens[first - 1].Is(".") && tokens[first - 2] is { IsWord: true, Length: 1, Capitalized: true } initial &&
            !PlaceVocabulary.CityMarkers.Contains(initial.Text) && !PlaceVocabulary.SettlementMarkers.Contains(initial.Text))
        {
            return true;
        }

        if (first >= 1 && tokens[first - 1] is { IsWord: true } before && (before.Is("им") || before.Is("имени")))
        {
            return true;
        }

        // "УК Курска", "ООО «Курская генерация»": an organisation's name after its legal form.
        var b = first - 1;
        while (b >= 0 && tokens[b].Kind == PlaceTokenKind.Punct && (tokens[b].Is("\"") || tokens[b].Is("«") || tokens[b].Is("“") || tokens[b].Is("`")))
        {
            b--;
        }

        if (b >= 0 && tokens[b] is { IsWord: true, AllCaps: true, Length: <= 5 } legal && !PlaceVocabulary.CityMarkers.Contains(legal.Text) &&
            !PlaceVocabulary.SettlementMarkers.Contains(legal.Text) && !PlaceVocabulary.NotNames.Contains(legal.Text) && legal.Text != "по")
        {
            return true;
        }


        return last + 2 < tokens.Count && tokens[last + 1] is { IsWord: true, Length: 1, Capitalized: true } && tokens[last + 2].Is(".")
            && !HasMarker(tokens, first);
    }

    /// <summary>"Кировский мост", "Курская фармация", "Льговский поворот": an adjective name before a noun names an object.</summary>
    private static bool NamesAnObject(List<PlaceToken> tokens, int first, int last) =>
        !HasMarker(tokens, first) && last + 1 < tokens.Count && tokens[last + 1] is { IsWord: true, Capitalized: false } noun && noun.Length > 2;

    private static bool NextIsNumber(List<PlaceToken> tokens, int at)
    {
        if (at < tokens.Count && tokens[at].Is(","))
        {
            at++;
        }

        return at < tokens.Count && tokens[at].Kind == PlaceTokenKind.Number;
    }

    private static bool IsSentenceStart(List<PlaceToken> tokens, int i)
    {
        if (i == 0)
        {
            return true;
        }

        var prev = tokens[i - 1];
        if (prev.Is("!") || prev.Is("?") || prev.Is("…") || prev.Is("\"") || prev.Is("«") || prev.Is("(") || prev.Is(":"))
        {
            return true;
        }

        // A dot ends a sentence unless it ends an abbreviation ("г.", "ул.", "обл.").
        return prev.Is(".") && (i < 2 || tokens[i - 2].Kind != PlaceTokenKind.Word || tokens[i - 2].Length > 4);
    }
}
