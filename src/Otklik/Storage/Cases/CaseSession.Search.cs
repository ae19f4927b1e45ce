using System.Globalization;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>Rounds of <see cref="NewestMatchesAsync"/> before it gives up; each reads eight times more matches.</summary>
    private const int SearchRounds = 3;

    /// <summary>
    /// Most messages a page may check to settle the cases above its last one (their messages' sum, read from the case
    /// rows before any is read); past it a larger window is read, and after the last round the plain query runs.
    /// </summary>
    private const int MaxSettleRead = 20_000;

    /// <summary>
    /// The newest cases (by id) that pass <paramref name="where"/> and hold a message matching <paramref name="search"/>,
    /// at most <paramref name="want"/>; null when the search index's newest matches did not settle the page, so the
    /// caller runs the plain query. A common word matches hundreds of thousands of messages at a million cases, and the
    /// plain query looked every one of them up to sort their cases (1.6 s p99, SQLite). Here the index is read newest
    /// message first, a window at a time, until the window's matches name enough cases, or the index runs dry (then
    /// every match is known). Enough cases name a candidate page whose last case is <c>t</c>; every match at or above
    /// the window's oldest (<c>after</c>) is known, so a case above <c>t</c> is settled when it is already found or when
    /// none of its messages is older than <c>after</c>. The case row says the latter: <c>first_message_id</c> is its
    /// lowest message id, kept by triggers on every write path (migration 7; it can only be stale low, which is safe).
    /// Only the cases left (a mass complaint's case, or one a late message joined, whose older messages the window did
    /// not reach) are checked message by message, stopping at the first match of each. Message order need not follow
    /// case order for this to hold: it only makes that check longer, and past a bound a larger window is read instead.
    /// </summary>
    private async Task<List<long>?> NewestMatchesAsync(
        string where, List<(string Name, object? Value)> filterArgs, string search, int want, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        var after = long.MaxValue;
        var window = Math.Max(16, 4 * want);
        var filters = filterArgs.Where(a => a.Name != "limit").ToList();
        List<(string Name, object? Value)> args = [.. filters, ("q", search), ("floor", 0L), ("window", (long)window), ("after", after)];
        for (var round = 0; round < SearchRounds; round++, window *= 8)
        {
            args[^2] = ("window", (long)window);
            args[^1] = ("after", after);
            var (read, oldest) = await ReadMatchesAsync(where, _dialect.SearchTerm(search), args, found, cancellationToken);
            after = Math.Min(after, oldest);
            if (read < window)
            {
                return [.. found.OrderDescending().Take(want)];
            }

            if (found.Count < want)
            {
                continue;
            }

            // The cases above the candidate page's last one that passed the filters, were not found, and may hold a
            // message older than the window: a range of the primary key, the page's size when nothing has drifted.
            var last = found.OrderDescending().ElementAt(want - 1);
            var open = await QueryAsync(
                $"SELECT c.id, c.message_count FROM cases c WHERE c.id > @last AND (c.first_message_id IS NULL OR c.first_message_id < @after) AND {where}",
                r => (Case: r.GetInt64(0), Messages: r.GetInt64(1)), cancellationToken, [.. filters, ("last", last), ("after", after)]);
            open.RemoveAll(o => found.Contains(o.Case));
            if (open.Count == 0)
            {
                return [.. found.OrderDescending().Take(want)];
            }

            if (open.Sum(o => o.Messages) > MaxSettleRead)
            {
                continue;
            }

            if (await MatchingCasesAsync([.. open.Select(o => o.Case)], search, after, cancellationToken) is not { } matching)
            {
                continue;
            }

            found.UnionWith(matching);
            return [.. found.OrderDescending().Take(want)];
        }

        return null;
    }

    /// <summary>
    /// Which of <paramref name="open"/> hold a message below <paramref name="below"/> that matches <paramref name="search"/>;
    /// null when that took more than <see cref="MaxSettleRead"/> matches to tell. PostgreSQL checks each case's messages
    /// in place (the tsvector is in the row; the check of a case stops at its first match); SQLite's index is a table
    /// of its own read by rowid, so the cases' message ids (the case index holds them) are intersected with the index's
    /// matches in their id range, two sequential reads.
    /// </summary>
    private async Task<List<long>?> MatchingCasesAsync(List<long> open, string search, long below, CancellationToken cancellationToken)
    {
        var (inCases, value) = _dialect.IdIn("c.id", "@cases", open);
        List<(string Name, object? Value)> args = [("q", search), ("below", below)];
        if (value is not null)
        {
            args.Add(("cases", value));
        }

        var term = _dialect.SearchTerm(search);
        if (_dialect.MessageMatch("m", term) is { } match)
        {
            return await QueryAsync(
                $"SELECT c.id FROM cases c WHERE {inCases} AND EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.id < @below AND {match})",
                r => r.GetInt64(0), cancellationToken, [.. args]);
        }

        var older = await QueryAsync(
            $"SELECT m.id, m.case_id FROM cases c JOIN messages m ON m.case_id = c.id WHERE {inCases} AND m.id < @below",
            r => (Message: r.GetInt64(0), Case: r.GetInt64(1)), cancellationToken, [.. args]);
        if (older.Count == 0)
        {
            return [];
        }

        var caseOf = older.ToDictionary(o => o.Message, o => o.Case);
        var matches = await QueryAsync(
            _dialect.NewestMatches(term, "@floor", "@below", "@window"), r => r.GetInt64(0), cancellationToken,
            ("q", search), ("floor", older.Min(o => o.Message)), ("below", below), ("window", (long)MaxSettleRead + 1));
        return matches.Count > MaxSettleRead ? null : [.. matches.Where(caseOf.ContainsKey).Select(m => caseOf[m]).Distinct()];
    }

    /// <summary>Adds the cases of the matches in the window (filters applied) to <paramref name="found"/>; returns how many matches it read and the oldest.</summary>
    private async Task<(int Read, long Oldest)> ReadMatchesAsync(
        string where, string term, List<(string Name, object? Value)> args, HashSet<long> found, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT f.id, c.id FROM ({_dialect.NewestMatches(term, "@floor", "@after", "@window")}) f
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
