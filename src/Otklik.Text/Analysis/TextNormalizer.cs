using Otklik.Folding;

namespace Otklik.Text.Analysis;

/// <summary>The first step for every text the classifiers see: HTML out, personal data masked, case and ё folded.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Strips tags and entities, masks e-mails, phones and addresses (<see cref="PersonalDataMask"/>), then folds
    /// case with the invariant culture and ё→е (<see cref="RussianText.Fold"/>).
    /// </summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return LowerCase(PersonalDataMask.Apply(HtmlText.Strip(raw)));
    }

    /// <summary>Invariant lower case and ё→е of the whole string (<see cref="Lower"/> of each character).</summary>
    internal static string LowerCase(string masked)
    {
        // RussianText.Fold would strip HTML a second time; the folding itself is the same: invariant lower case, ё→е.
        return string.Create(masked.Length, masked, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = Lower(source[i]);
            }
        });
    }

    /// <summary>
    /// Invariant lower case and ё→е. ASCII and the Russian alphabet are done here: char.ToLowerInvariant asks ICU for
    /// every non-ASCII character, which was a visible share of prediction time. Anything else still goes to it.
    /// </summary>
    internal static char Lower(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        >= 'a' and <= 'z' => c,
        >= 'а' and <= 'я' => c,
        >= 'А' and <= 'Я' => (char)(c + 32),
        'ё' or 'Ё' => 'е',
        < '\u0080' => c,
        _ => char.ToLowerInvariant(c),
    };
}
