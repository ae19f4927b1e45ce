using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// The SQL function <c>otklik_scope_words(text, owner, escalated)</c> of migration 24 (<see cref="Cases.SearchWordScopeSchema"/>):
/// the search index's scope column as one token per word of the text and body that may see it, <c>\uE000b7\uE001фонари</c>
/// for a word of a case owned by body 7, <c>\uE000e12\uE001фонари</c> where it is escalated to body 12. An executor's search
/// then reads its own bodies' words only. A word is what FTS5's <c>unicode61</c> keeps in a token: a run of letters,
/// digits and private-use characters (categories L*, N*, Co); the tokenizer folds case and diacritics of the whole token
/// as it folds the text's. Each word once per message: the index keeps no positions.
/// <para>
/// The index is told to delete exactly what it was given, so the function is pure: the same text, owner and escalation
/// give the same tokens. It is registered on every connection the store opens (<see cref="Register"/>); a connection
/// without it (a tool of one's own) cannot change a message's text or case, nor a case's bodies: the triggers call it.
/// </para>
/// </summary>
internal static class SqliteScopeWords
{
    public const string Function = "otklik_scope_words";

    /// <summary>
    /// Between the body's id and the word: private use too, so inside the token, and never typed. Without it body 7's
    /// "5ул" and body 75's "ул" were one token.
    /// </summary>
    public const string Separator = "\uE001";

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, long?, long?, string>(Function, Tokens, isDeterministic: true);

    /// <summary>
    /// The front of every token of body <paramref name="body"/>: <c>\uE000b7\uE001</c> for the owner (<paramref name="kind"/>
    /// 'b'), <c>\uE000e7\uE001</c> for the escalation body ('e'). The tokens and the scoped query
    /// (<see cref="Cases.SearchWordScopeSchema.SqliteScoped"/>) both spell it here.
    /// </summary>
    public static string Prefix(char kind, long body) =>
        string.Create(CultureInfo.InvariantCulture, $"{Cases.SearchScopeSchema.SqliteMark}{kind}{body}{Separator}");

    /// <summary>The scope tokens of <paramref name="text"/> in a case owned by <paramref name="owner"/> and escalated to <paramref name="escalated"/>.</summary>
    public static string Tokens(string? text, long? owner, long? escalated)
    {
        if (string.IsNullOrEmpty(text) || (owner is null && escalated is null))
        {
            return string.Empty;
        }

        var words = Words(text);
        var builder = new StringBuilder(words.Count * 12);
        Append(builder, 'b', owner, words);
        Append(builder, 'e', escalated, words);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, char kind, long? body, HashSet<string> words)
    {
        if (body is not { } id)
        {
            return;
        }

        var prefix = Prefix(kind, id);
        foreach (var word in words)
        {
            builder.Append(builder.Length > 0 ? " " : string.Empty).Append(prefix).Append(word);
        }
    }

    // Each word sliced out of the text once: called for every message a writer indexes.
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if (IsTokenRune(rune))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }

            i += length;
        }

        if (start >= 0)
        {
            words.Add(text[start..]);
        }

        return words;
    }

    private static bool IsTokenRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
