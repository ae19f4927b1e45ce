namespace Otklik.Places.Internal;

/// <summary>
/// Generates the case forms of a Russian place name from its nominative ("Льгов" → льгова, льгову, льговом, льгове).
/// Forward generation, not stemming of the text: a stemmer would fold "Курская" (region) and "Курск" (city) together.
/// Over-generation is harmless (a form nobody writes is never looked up); a missing form is a missed place.
/// </summary>
internal static class PlaceInflection
{
    private const int MaxForms = 96;
    private static readonly string[] Prepositions = ["на", "над", "в", "де", "ле", "у"];

    /// <summary>All forms of a folded (lower-case, ё-less) name; multi-word names combine the forms of each word.</summary>
    public static HashSet<string> Forms(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string> { string.Empty };
        foreach (var word in words)
        {
            var forms = WordForms(word).ToList();
            var next = new List<string>();
            foreach (var prefix in result)
            {
                foreach (var form in forms)
                {
                    if (next.Count < MaxForms)
                    {
                        next.Add(prefix.Length == 0 ? form : prefix + " " + form);
                    }
                }
            }

            result = next;
        }

        return result.ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> WordForms(string word)
    {
        if (!word.Contains('-', StringComparison.Ordinal))
        {
            return Decline(word);
        }

        var parts = word.Split('-');
        if (parts.Skip(1).Any(p => Prepositions.Contains(p, StringComparer.Ordinal)))
        {
            // Ростов-на-Дону: only the head noun declines.
            var tail = "-" + string.Join('-', parts.Skip(1));
            return Decline(parts[0]).Select(f => f + tail);
        }

        var head = string.Join('-', parts[..^1]);
        var last = parts[^1];
        var lastForms = Decline(last).ToList();
        var result = lastForms.Select(f => head + "-" + f).ToList();
        if (IsAdjective(last) && !IsAdjective(parts[0]) && parts.Length == 2 && !parts[0].EndsWith('о'))
        {
            // Петропавловск-Камчатский: both parts decline.
            foreach (var first in Decline(parts[0]))
            {
                result.AddRange(lastForms.Select(f => first + "-" + f));
            }
        }

        return result;
    }

    private static bool IsAdjective(string word) =>
        word.Length > 3 && (word.EndsWith("ий", StringComparison.Ordinal) || word.EndsWith("ый", StringComparison.Ordinal) ||
                            word.EndsWith("ая", StringComparison.Ordinal) || word.EndsWith("ое", StringComparison.Ordinal));

    internal static IEnumerable<string> Decline(string w)
    {
        yield return w;
        if (w.Length < 3 || !IsCyrillic(w))
        {
            yield break;
        }

        foreach (var form in Endings(w))
        {
            yield return form;
        }
    }

    private static IEnumerable<string> Endings(string w)
    {
        string Stem(int n) => w[..^n];
        IEnumerable<string> With(string stem, params string[] endings) => endings.Select(e => stem + e);

        if (w.EndsWith("ая", StringComparison.Ordinal))
        {
            return With(Stem(2), "ой", "ую", "ою");
        }

        if (w.EndsWith("яя", StringComparison.Ordinal))
        {
            return With(Stem(2), "ей", "юю");
        }

        if (w.EndsWith("ий", StringComparison.Ordinal))
        {
            var stem = Stem(2);
            return "кгхжшчщ".Contains(stem[^1], StringComparison.Ordinal)
                ? With(stem, "ого", "ому", "им", "ом")
                : With(stem, "его", "ему", "им", "ем");
        }

        if (w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ой", StringComparison.Ordinal))
        {
            return With(Stem(2), "ого", "ому", "ым", "им", "ом");
        }

        if (w.EndsWith("ое", StringComparison.Ordinal))
        {
            return With(Stem(2), "ого", "ому", "ым", "ом");
        }

        if (w.EndsWith("ее", StringComparison.Ordinal))
        {
            return With(Stem(2), "его", "ему", "им", "ем");
        }

        if (w.EndsWith("ые", StringComparison.Ordinal))
        {
            return With(Stem(2), "ых", "ым", "ыми");
        }

        if (w.EndsWith("ие", StringComparison.Ordinal))
        {
            return With(Stem(2), "их", "им", "ими");
        }

        return w[^1] switch
        {
            'а' => With(Stem(1), "ы", "и", "е", "у", "ой", "ою", "ей"),
            'я' => With(Stem(1), "и", "е", "ю", "ей", "ею"),
            'ь' => With(Stem(1), "и", "ью", "я", "ю", "ем", "е"),
            'ы' => With(Stem(1), "ов", "ам", "ами", "ах"),
            'и' => With(Stem(1), "ей", "ям", "ях", "ов", "ам", "ах"),
            'о' => With(Stem(1), "а", "у", "ом", "е"),
            'й' => With(Stem(1), "я", "ю", "ем", "е"),
            'е' or 'у' or 'ю' or 'э' => [],
            _ => ConsonantForms(w),
        };
    }

    private static IEnumerable<string> ConsonantForms(string w)
    {
        foreach (var e in new[] { "а", "у", "ом", "ем", "е" })
        {
            yield return w + e;
        }

        // A fleeting vowel: Бузец → Бузца, Городок → Городка.
        if (w.Length > 4 && (w.EndsWith("ец", StringComparison.Ordinal) || w.EndsWith("ок", StringComparison.Ordinal)))
        {
            var stem = w[..^2] + w[^1];
            foreach (var e in new[] { "а", "у", "ом", "ем", "е" })
            {
                yield return stem + e;
            }
        }
    }

    private static bool IsCyrillic(string w) => w.All(c => c is >= 'а' and <= 'я' or '-');
}
