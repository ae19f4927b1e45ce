using System.Globalization;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>Rounds of <see cref="NewestMatchesAsync"/> before it gives up; each reads eight times more matches.</summary>
    private const int SearchRounds = 3;

    /// <summary>
    /// The newest cases (by id) that pass <paramref name="where"/> and hold a message matching <paramref name="search"/>,
    /// at most <paramref name="want"/>; null when the search index's newest matches did not settle the page, so the
    /// caller runs the plain query. A common word matches hundreds of thousands of messages at a million cases, and the
    /// plain query looked every one of them up to sort their cases (1.6 s p99, SQLite). Here the index is read newest
    /// message first, a window at a time: when it runs dry every match is known; otherwise a case newer than
    /// <c>bound</c> (the newest case with any message older than the window) has all its messages inside the windows
    /// read, so the matching cases above the bound are complete and, once there are enough of them, they are the page.
    /// Message order need not follow case order for this to hold: a late joined message or a late processed one only
    /// lowers what the bound lets through, never what the page is.
    /// </summary>
    private async Task<List<long>?> NewestMatchesAsync(
        string where, List<(string Name, object? Value)> filterArgs, string search, int want, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        var after = long.MaxValue;
        var window = Math.Max(16, 4 * want);
        var args = filterArgs.Where(a => a.Name != "limit").ToList();
        args.Add(("q", search));
        args.Add(("window", (long)window));
        args.Add(("after", after));
        var sql = $"""
            SELECT f.id, c.id FROM ({_dialect.NewestMatches("@q", "@after", "@window")}) f
            LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where}
            """;
        for (var round = 0; round < SearchRounds; round++, window *= 8)
        {
            args[^2] = ("window", (long)window);
            args[^1] = ("after", after);
            var rows = await QueryAsync(sql, r => (Message: r.GetInt64(0), Case: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), cancellationToken, [.. args]);
            foreach (var row in rows)
            {
                after = Math.Min(after, row.Message);
                if (row.Case is { } id)
                {
                    found.Add(id);
                }
            }

            if (rows.Count < window)
            {
                return [.. found.OrderDescending().Take(want)];
            }

            var bound = await ScalarAsync(
                "SELECT m.case_id FROM messages m WHERE m.id < @after AND m.case_id IS NOT NULL ORDER BY m.case_id DESC LIMIT 1",
                cancellationToken, ("after", after));
            var floor = bound is null ? long.MinValue : Convert.ToInt64(bound, CultureInfo.InvariantCulture);
            var settled = found.Where(id => id > floor).ToList();
            if (settled.Count >= want)
            {
                return [.. settled.OrderDescending().Take(want)];
            }
        }

        return null;
    }

    /// <summary>The list's columns for the given case ids, in the list's order.</summary>
    private Task<List<CaseRecord>> ReadCasesAsync(List<long> ids, string order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.FromResult(new List<CaseRecord>());
        }

        // Ids are longs read from our own tables: safe to inline.
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return QueryAsync($"SELECT {CaseColumns} WHERE c.id IN ({list}) ORDER BY {order}", r => ReadCase(r, now), cancellationToken);
    }
}
