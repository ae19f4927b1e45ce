using System.Globalization;
using System.Text;

namespace Otklik.Storage.Cases;

/// <summary>
/// Where the previous page ended: the last case's id and its <see cref="Key"/> in the list's order: when the list is
/// ordered by a time column, that time in microseconds since 1970 (what both databases store, so the next page starts
/// exactly after it); in a search's order (<see cref="CaseListOrder.Match"/>), the id of the case's newest matching
/// message. Keyset paging keeps every page as fast as the first at a million cases, where OFFSET would scan all the skipped
/// rows. The cursor names its order, so one made for another order or filter set is refused rather than misread.
/// </summary>
public sealed record CaseCursor(long Id, long Key, CaseListOrder Order)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{Id}.{Key}.{(int)Order}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The time <see cref="Key"/> stands for in an order by a time column.</summary>
    public DateTimeOffset KeyTime => DateTimeOffset.UnixEpoch.AddTicks(Key * 10);

    /// <summary>The cursor of a page ending with <paramref name="last"/> in <paramref name="order"/> (not <see cref="CaseListOrder.Match"/>, whose key the case does not hold).</summary>
    public static CaseCursor After(CaseRecord last, CaseListOrder order) => new(last.Id, order switch
    {
        CaseListOrder.Due => Micros(last.AnswerDue ?? DateTimeOffset.UnixEpoch),
        CaseListOrder.Created => Micros(last.CreatedAt),
        CaseListOrder.Overdue => Micros(OverdueAt(last) ?? DateTimeOffset.UnixEpoch),
        _ => 0,
    }, order);

    /// <summary>Null when the text is not a cursor this server made.</summary>
    public static CaseCursor? TryDecode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('.');
            if (parts.Length is not (2 or 3)
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key))
            {
                return null;
            }

            if (parts.Length == 2)
            {
                // Made before cursors named their order: id order, or the deadline in milliseconds.
                return key == 0 ? new CaseCursor(id, 0, CaseListOrder.Id) : new CaseCursor(id, key * 1000, CaseListOrder.Due);
            }

            return int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var order) && Enum.IsDefined((CaseListOrder)order)
                ? new CaseCursor(id, key, (CaseListOrder)order)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The same rule as ReadSchema.OverdueAt, which orders the overdue list, so the next page starts exactly after this case.
    private static DateTimeOffset? OverdueAt(CaseRecord c) =>
        Otklik.Cases.CaseWorkflow.OverdueAt(c.FirstReplyDue, c.FirstReplyAt, c.AnswerDue, c.AnsweredAt);

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
