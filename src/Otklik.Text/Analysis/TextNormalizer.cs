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
        var masked = PersonalDataMask.Apply(RussianText.StripHtml(raw));
        // RussianText.Fold would strip HTML a second time; the folding itself is the same: invariant lower case, ё→е.
        return string.Create(masked.Length, masked, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var lower = char.ToLowerInvariant(source[i]);
                target[i] = lower == 'ё' ? 'е' : lower;
            }
        });
    }
}
