using System.Buffers;
using System.Net;

namespace Otklik.Text.Analysis;

/// <summary>
/// <see cref="Otklik.Folding.RussianText.StripHtml"/> in one pass over the text when it holds no entities: the tag regex,
/// its replacement string and the whitespace StringBuilder were a third of normalizing. The result is the same
/// (a test compares the two on every training appeal): a tag is '&lt;' followed by at most 2,000 characters other than
/// '&gt;' and then '&gt;', and it becomes a space; entities are decoded; whitespace runs become one space, none at the ends.
/// </summary>
internal static class HtmlText
{
    private const int LongestTag = 2000;

    public static string Strip(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            if (text.Contains('&', StringComparison.Ordinal))
            {
                // Entities decode after the tags are gone and before whitespace folds (&nbsp; is whitespace).
                var length = WithoutTags(text, buffer, collapse: false);
                return Collapse(WebUtility.HtmlDecode(new string(buffer, 0, length)), buffer);
            }

            return new string(buffer, 0, WithoutTags(text, buffer, collapse: true));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Collapse(string text, char[] buffer)
    {
        if (text.Length > buffer.Length)
        {
            buffer = new char[text.Length];
        }

        var written = 0;
        var pendingSpace = false;
        foreach (var ch in text)
        {
            Put(ch, buffer, ref written, ref pendingSpace);
        }

        return new string(buffer, 0, written);
    }

    private static int WithoutTags(string text, char[] buffer, bool collapse)
    {
        var written = 0;
        var pendingSpace = false;
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var ch = span[i];
            if (ch == '<')
            {
                var rest = span.Slice(i + 1, Math.Min(LongestTag + 1, span.Length - i - 1));
                var close = rest.IndexOf('>');
                if (close >= 0)
                {
                    i += close + 1;
                    ch = ' ';
                }
            }

            if (collapse)
            {
                Put(ch, buffer, ref written, ref pendingSpace);
            }
            else
            {
                buffer[written++] = ch;
            }
        }

        return written;
    }

    private static void Put(char ch, char[] buffer, ref int written, ref bool pendingSpace)
    {
        if (ch == ' ' || char.IsWhiteSpace(ch) || ch == '\u00A0')
        {
            pendingSpace = written > 0;
            return;
        }

        if (pendingSpace)
        {
            buffer[written++] = ' ';
            pendingSpace = false;
        }

        buffer[written++] = ch;
    }
}
