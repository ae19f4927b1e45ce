using Otklik.Folding;

namespace Otklik.Model;

/// <summary>Guesses a body's level from its name when nothing better is known (a body named only by an appeal).</summary>
public static class BodyLevels
{
    /// <summary>
    /// "Администрация …" is municipal, a ministry, committee, inspection or department "… области/края/республики" is
    /// regional, a federal service or its office is federal; anything else is <see cref="BodyLevel.Other"/>.
    /// A registry import overrides the guess.
    /// </summary>
    public static BodyLevel Guess(string name)
    {
        var folded = RussianText.FoldName(name);
        if (folded.StartsWith("администрация", StringComparison.Ordinal))
        {
            return BodyLevel.Municipal;
        }

        if (folded.StartsWith("федеральн", StringComparison.Ordinal) || folded.StartsWith("управление федеральн", StringComparison.Ordinal)
            || folded.Contains("российской федерации", StringComparison.Ordinal))
        {
            return BodyLevel.Federal;
        }

        string[] regional = ["области", "края", "республики", "округа"];
        string[] kinds = ["министерство", "комитет", "инспекция", "департамент", "управление"];
        if (kinds.Any(kind => folded.StartsWith(kind, StringComparison.Ordinal))
            && regional.Any(word => folded.Contains(word, StringComparison.Ordinal)))
        {
            return BodyLevel.Regional;
        }

        return BodyLevel.Other;
    }

    /// <summary>Reads a level as written in a registry file: federal, regional, municipal or other (any case).</summary>
    public static bool TryParse(string? text, out BodyLevel level)
    {
        level = BodyLevel.Other;
        return !string.IsNullOrWhiteSpace(text) && Enum.TryParse(text.Trim(), ignoreCase: true, out level) && Enum.IsDefined(level);
    }
}
