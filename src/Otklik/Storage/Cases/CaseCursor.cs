using System.Globalization;
using System.Text;

namespace Otklik.Storage.Cases;

/// <summary>
/// Where the previous page ended: the last case's id and, for <see cref="CaseSort.Due"/>, its deadline. Keyset paging
/// keeps every page as fast as the first at a million cases, where OFFSET would scan all the skipped rows.
/// </summary>
public sealed record CaseCursor(long Id, long DueMs)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{Id}.{DueMs}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when the text is not a cursor this server made.</summary>
    public static CaseCursor? TryDecode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('.');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var due)
                ? new CaseCursor(id, due)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
