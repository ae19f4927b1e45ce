using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Otklik.Folding;

/// <summary>
/// The one place where Russian text is folded for comparison: HTML out, entities decoded, invariant lower case,
/// ё→е, whitespace collapsed. Culture-sensitive casing is a bug here: under tr-TR or with ICU off, ToLower() differs.
/// </summary>
public static partial class RussianText
{
    /// <summary>Removes tags, decodes entities (&amp;nbsp; becomes a space) and collapses whitespace. Keeps case.</summary>
    public static string StripHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Block tags become spaces so "<p>one</p><p>two</p>" does not glue into "onetwo".
        var withoutTags = text.Contains('<', StringComparison.Ordinal) ? TagPattern().Replace(text, " ") : text;
        var decoded = withoutTags.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(withoutTags) : withoutTags;
        return CollapseWhitespace(decoded);
    }

    /// <summary>Folds for comparison: <see cref="StripHtml"/>, invariant lower case, ё→е.</summary>
    public static string Fold(string text)
    {
        var stripped = StripHtml(text);
        var builder = new StringBuilder(stripped.Length);
        foreach (var ch in stripped)
        {
            var lower = char.ToLowerInvariant(ch);
            builder.Append(lower == 'ё' ? 'е' : lower);
        }

        return builder.ToString();
    }

    /// <summary>Folds a name for registry look-ups: <see cref="Fold"/> plus quotes and punctuation at the edges dropped.</summary>
    public static string FoldName(string name) =>
        Fold(name).Replace('«', '"').Replace('»', '"').Trim(' ', '"', '.', ',', ';');

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<[^>]{0,2000}>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

}
