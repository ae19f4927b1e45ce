namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>
    /// Matches <see cref="NewestMatchesAsync"/> reads per case wanted before the plain query takes over (about 15,000
    /// for a page of 50, what three windows of 4, 32 and 256 per case read): past that the filters are narrow, and the
    /// plain query can start from them.
    /// </summary>
    private const int MaxWalkPerCase = 292;

    /// <summary>
    /// Matches above a cursor's key <see cref="CasesMatchingFromAsync"/> reads per case wanted (408 for a page of 50,
    /// about 1 ms) before the page's cases are checked one by one instead.
    /// </summary>
    private const int MaxAbovePerCase = 8;

    /// <summary>
    /// A page of cases in a search's order (<see cref="CaseListOrder.Match"/>): those that pass <paramref name="where"/>,
    /// by their newest message matching <paramref name="search"/>, newest first, whose newest match is below
    /// <paramref name="below"/> (the previous page's last key), at most <paramref name="want"/>, each with its key. The
    /// search index is read newest match first, a window at a time, and a case counts at its first appearance, which is
    /// its newest match below <paramref name="below"/>: the page is known as soon as it is full, whatever older cases
    /// hold. After a cursor a case also needs no match at or above <paramref name="below"/> (else an earlier page showed
    /// it): the matches above the key are read once when they are few (<see cref="CasesMatchingFromAsync"/>); else only a
    /// case of more than one message can have one, and only those are checked, by their own messages above the key. Null when the windows ran out before the page filled: the caller runs <see cref="PlainMatchesAsync"/>.
    /// </summary>
    private async Task<List<(long Case, long Key)>?> NewestMatchesAsync(
        string where, List<(string Name, object? Value)> filters, string search, bool scoped, int want, long below, CancellationToken cancellationToken)
    {
        var page = new List<(long Case, long Key)>();
        var seen = new HashSet<long>();
        var window = Math.Max(16, 4 * want);
        var shownAbove = below == long.MaxValue ? [] : await CasesMatchingFromAsync(search, scoped, below, MaxAbovePerCase * want, cancellationToken);
        var after = below;
        for (long read = 0, budget = (long)MaxWalkPerCase * want; read < budget;)
        {
            var rows = await ReadMatchesAsync(where, search, scoped, [.. filters, ("after", after), ("window", (long)window)], cancellationToken);
            var fresh = new List<(long Case, long Key, long Messages)>();
            foreach (var row in rows)
            {
                if (row.Case is { } id && seen.Add(id))
                {
                    fresh.Add((id, row.Message, row.Messages));
                }
            }

            // Checked a page's worth at a time, so a page that fills early checks no more cases than it shows.
            for (var i = 0; i < fresh.Count && page.Count < want;)
            {
                var batch = fresh.GetRange(i, Math.Min(want - page.Count, fresh.Count - i));
                i += batch.Count;
                var shown = shownAbove
                    ?? await NewerMatchesAsync([.. batch.Where(b => b.Messages > 1).Select(b => b.Case)], search, below, cancellationToken);
                page.AddRange(batch.Where(b => !shown.Contains(b.Case)).Select(b => (b.Case, b.Key)));
            }

            if (page.Count >= want || rows.Count < window)
            {
                return page;
            }

            // The next window is sized by what this one yielded (a filter that passes a seventh of the cases needs seven
            // times the cases still missing), with a quarter more to spare, at most eight times the last and never past
            // the budget: a fixed eightfold window read 1,632 matches where 250 would do.
            read += rows.Count;
            after = rows[^1].Message;
            var needed = page.Count == 0 ? 8L * window : (long)Math.Ceiling((want - page.Count) * (double)read / page.Count * 1.25);
            window = (int)Math.Clamp(Math.Min(needed, 8L * window), 16, Math.Max(16, budget - read));
        }

        return null;
    }

    /// <summary>
    /// The same page as <see cref="NewestMatchesAsync"/> for a scoped search on a dialect that
    /// <see cref="SqlDialect.GroupsScopedMatches"/>: the scope's matches grouped by case, each case keyed by its newest
    /// match, less those with a match at or above <paramref name="below"/> (an earlier page showed them), joined to the
    /// cases that pass <paramref name="where"/>, newest key first. Its cost is the scope's matches, which a scoped search
    /// keeps to a few bodies' messages.
    /// </summary>
    private Task<List<(long Case, long Key)>> ScopedMatchesAsync(
        string where, List<(string Name, object? Value)> filters, string search, int want, long below, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT g.case_id, g.k FROM (
              SELECT m.case_id, max(m.id) AS k FROM messages m
              WHERE {_dialect.MessagesMatch("m", _dialect.SearchTerm(search))} AND m.case_id IS NOT NULL
              GROUP BY m.case_id HAVING max(m.id) < @below) g
            JOIN cases c ON c.id = g.case_id
            WHERE {where} ORDER BY g.k DESC LIMIT @want
            """,
            r => (Case: r.GetInt64(0), Key: r.GetInt64(1)), cancellationToken,
            [.. filters, ("q", search), ("below", below), ("want", (long)want)]);

    /// <summary>The cases of the window's matches, newest match first; a match whose case fails the filters (or has none) comes with a null case.</summary>
    private async Task<List<(long Message, long? Case, long Messages)>> ReadMatchesAsync(
        string where, string search, bool scoped, List<(string Name, object? Value)> args, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT f.id, c.id, c.message_count FROM ({_dialect.NewestMatches(_dialect.SearchTerm(search), "0", "@after", "@window", scoped)}) f
            LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where}
            ORDER BY f.id DESC
            """;
        return await QueryAsync(sql, r => (Message: r.GetInt64(0), Case: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Messages: Db.Long(r, 2) ?? 0),
            cancellationToken, [.. args, ("q", search)]);
    }

    /// <summary>
    /// The cases of every match at or above <paramref name="below"/>, which earlier pages showed, read newest first from
    /// the top of the index; null when there are <paramref name="limit"/> or more, and <see cref="NewerMatchesAsync"/>
    /// checks the page's cases one by one instead. Page 2 of a common word has a page's worth of matches above its key,
    /// read in one pass from where the index is cheap to start; a probe of one recent message cost SQLite's FTS5 0.4 ms
    /// (it reads each segment's doclist up to the rowid), and the page's cases took one to several each (2.4 ms of a
    /// 6.6 ms page, 1M cases after an ingest).
    /// </summary>
    private async Task<HashSet<long>?> CasesMatchingFromAsync(string search, bool scoped, long below, int limit, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT m.case_id FROM ({_dialect.NewestMatches(_dialect.SearchTerm(search), "@from", "@top", "@limit", scoped)}) f JOIN messages m ON m.id = f.id",
            r => Db.Long(r, 0), cancellationToken, [("q", search), ("from", below), ("top", long.MaxValue), ("limit", (long)limit)]);
        return rows.Count >= limit ? null : [.. rows.OfType<long>()];
    }

    /// <summary>
    /// Which of <paramref name="cases"/> hold a message at or above <paramref name="below"/> that matches
    /// <paramref name="search"/>: an earlier page showed them. Each case's messages above the key are read from its
    /// index and probed one by one, so the cost follows the cases' new messages, not the matches above the key (a deep
    /// page of a common word has hundreds of thousands).
    /// </summary>
    private async Task<HashSet<long>> NewerMatchesAsync(List<long> cases, string search, long below, CancellationToken cancellationToken)
    {
        if (cases.Count == 0)
        {
            return [];
        }

        var (inCases, value) = _dialect.IdIn("c.id", "@cases", cases);
        var rows = await QueryAsync(
            $"""
            SELECT c.id FROM cases c
            WHERE {inCases} AND EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.id >= @below AND {_dialect.MessageMatch("m", _dialect.SearchTerm(search))})
            """,
            r => r.GetInt64(0), cancellationToken, [("q", search), ("below", below), .. value is null ? [] : new[] { ("cases", value) }]);
        return [.. rows];
    }

    /// <summary>
    /// The same page as <see cref="NewestMatchesAsync"/> in one statement: every match of the search joined to its case,
    /// grouped by case. It reads all matches, so it serves only when the filters left the index's newest windows short.
    /// </summary>
    private Task<List<(long Case, long Key)>> PlainMatchesAsync(
        string where, List<(string Name, object? Value)> filters, string search, int want, long below, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT c.id, max(m.id) AS k FROM cases c JOIN messages m ON m.case_id = c.id
            WHERE {where} AND {_dialect.MessagesMatch("m", _dialect.SearchTerm(search))}
            GROUP BY c.id HAVING max(m.id) < @below ORDER BY k DESC LIMIT @want
            """,
            r => (Case: r.GetInt64(0), Key: r.GetInt64(1)), cancellationToken,
            [.. filters, ("q", search), ("below", below), ("want", (long)want)]);

    /// <summary>The list's columns for the given case ids, in the list's order.</summary>
    private Task<List<CaseRecord>> ReadCasesAsync(List<long> ids, string order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.FromResult(new List<CaseRecord>());
        }

        // Ids are longs read from our own tables: safe to inline where the dialect does.
        var (where, value) = _dialect.IdIn("c.id", "@ids", ids);
        return QueryAsync($"SELECT {CaseColumns} WHERE {where} ORDER BY {order}", r => ReadCase(r, now), cancellationToken,
            value is null ? [] : [("ids", value)]);
    }
}
