namespace Otklik.Storage;

/// <summary>
/// Input that could not be imported: where it was, why, and the start of it. Stored once per (source, line).
/// </summary>
/// <param name="Excerpt">At most <see cref="MaxExcerptChars"/> characters of the bad input; it may hold personal data.</param>
public sealed record QuarantineEntry(long Id, DateTimeOffset At, string Source, long Line, string Reason, string? Excerpt)
{
    public const int MaxExcerptChars = 200;

    /// <summary>Cuts <paramref name="text"/> to the excerpt bound, without splitting a surrogate pair.</summary>
    public static string? Bound(string? text)
    {
        if (text is null || text.Length <= MaxExcerptChars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxExcerptChars - 1]) ? MaxExcerptChars - 1 : MaxExcerptChars;
        return text[..cut];
    }
}
