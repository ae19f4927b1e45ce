using System.Globalization;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>Rounds of <see cref="NewestMatchesAsync"/> before it gives up; each reads eight times more matches.</summary>
    private const int SearchRounds = 3;

    /// <summary>Most matches read to settle a page; past it the plain query is the cheaper one.</summary>
    private const int MaxSettleRead = 20_000;

    /// <summary>
    /// The newest cases (by id) that pass <paramref name="where"/> and hold a message matching <paramref name="search"/>,
    /// at most <paramref name="want"/>; null when the search index's newest matches did not settle the page, so the
    /// caller runs the plain query. A common word matches hundreds of thousands of messages at a million cases, and the
    /// plain query looked every one of them up to sort their cases (1.6 s p99, SQLite). Here the index is read newest
    /// message first, a window at a time, until the window's matches name enough cases, or the index runs dry (then
    /// every match is known). Enough cases name a candidate page whose last case is <c>t</c>; a case newer than
    /// <c>t</c> could still match through a message older than the window, so those older messages are checked against
    /// the matches in their id range, which settles every case above <c>t</c> and so the page. Message order
    /// need not follow case order for this to hold (a mass complaint gets messages long after its case opened; a late
    /// processed message is older than its case): it only makes that last read longer, and past a bound the plain query
    /// runs instead.
    /// </summary>
    private async Task<List<long>?> NewestMatchesAsync(
        string where, List<(string Name, object? Value)> filterArgs, string search, int want, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        var after = long.MaxValue;
        var window = Math.Max(16, 4 * want);
        var args = filterArgs.Where(a => a.Name != "limit").ToList();
        args.Add(("q", search));
        args.Add(("floor", 0L));
        args.Add(("window", (long)window));
        args.Add(("after", after));
        for (var round = 0; round < SearchRounds; round++, window *= 8)
        {
            args[^2] = ("window", (long)window);
            args[^1] = ("after", after);
            var (read, oldest) = await ReadMatchesAsync(where, args, found, cancellationToken);
            after = Math.Min(after, oldest);
            if (read < window)
            {
                return [.. found.OrderDescending().Take(want)];
            }

            if (found.Count < want)
            {
                continue;
            }

            // The older messages of the cases above the candidate page's last one, then which of them match: the
            // index is read for ids only, so the read costs a few milliseconds even through a mass complaint's history.
            var last = found.OrderDescending().ElementAt(want - 1);
            var older = await QueryAsync(
                $"SELECT m.id, c.id FROM cases c JOIN messages m ON m.case_id = c.id WHERE c.id > @last AND m.id < @after AND {where}",
                r => (Message: r.GetInt64(0), Case: r.GetInt64(1)), cancellationToken,
                [.. filterArgs.Where(a => a.Name != "limit"), ("last", last), ("after", after)]);
            if (older.Count > MaxSettleRead)
            {
                return null;
            }

            if (older.Count > 0)
            {
                var caseOf = older.ToDictionary(o => o.Message, o => o.Case);
                var matches = await QueryAsync(
                    _dialect.NewestMatches("@q", "@floor", "@after", "@window"), r => r.GetInt64(0), cancellationToken,
                    ("q", search), ("floor", older.Min(o => o.Message)), ("after", after), ("window", (long)MaxSettleRead + 1));
                if (matches.Count > MaxSettleRead)
                {
                    return null;
                }

                found.UnionWith(matches.Where(caseOf.ContainsKey).Select(m => caseOf[m]));
            }

            return [.. found.OrderDescending().Take(want)];
        }

        return null;
    }

    /// <summary>Adds the cases of the matches in the window (filters applied) to <paramref name="found"/>; returns how many matches it read and the oldest.</summary>
    private async Task<(int Read, long Oldest)> ReadMatchesAsync(
        string where, List<(string Name, object? Value)> args, HashSet<long> found, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT f.id, c.id FROM ({_dialect.NewestMatches("@q", "@floor", "@after", "@window")}) f
            LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where}
            """;
        var rows = await QueryAsync(sql, r => (Message: r.GetInt64(0), Case: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), cancellationToken, [.. args]);
        var oldest = long.MaxValue;
        foreach (var row in rows)
        {
            oldest = Math.Min(oldest, row.Message);
            if (row.Case is { } id)
            {
                found.Add(id);
            }
        }

        return (rows.Count, oldest);
    }

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
