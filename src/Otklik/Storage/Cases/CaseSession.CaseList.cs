using System.Text;
using Otklik.Model;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    public async Task<CaseListPage> ListCasesAsync(CaseFilter query, CaseScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Two steps: the page's ids from an index (a sort, when one is needed, handles ids only), then the columns and
        // the first message's text for those ids alone. One statement with the text as a per-row subquery ran that
        // subquery for every row the sort saw: tens of thousands at a million cases.
        var sql = new StringBuilder("1=1");
        var args = new List<(string, object?)> { ("limit", (long)query.Limit + 1) };
        if (query.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND c.status IN (").AppendJoin(", ", statuses.Select(s => $"'{DbEnum<CaseStatus>.ToDb(s)}'")).Append(')');
        }

        // The partial indexes of open cases serve a query only when its WHERE names their condition word for word, so
        // it is spelled out for overdue and for exactly the open statuses (the inbox). Not for a narrower list: SQLite
        // would then walk the open cases' index instead of the (status, id) or (body, status, id) one that fits better.
        if (query.Overdue || (query.Statuses is { } open && open.Distinct().Count() == 4 && open.All(Otklik.Cases.CaseWorkflow.IsOpen)))
        {
            sql.Append($" AND c.status IN {OpenStatuses}");
        }

        Equal(sql, args, "c.topic", query.Topic, nullMeansAny: true);
        Equal(sql, args, "c.topic_group", query.TopicGroup, nullMeansAny: true);
        Equal(sql, args, "c.body_id", query.BodyId, nullMeansAny: true);
        Equal(sql, args, "c.region_code", query.RegionCode, nullMeansAny: true);
        Equal(sql, args, "c.city", query.City, nullMeansAny: true);
        if (query.From is { } from)
        {
            sql.Append(" AND c.created_at >= @from");
            args.Add(("from", T(from)));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND c.created_at < @to");
            args.Add(("to", T(to)));
        }

        if (query.Overdue)
        {
            sql.Append($" AND {ReadSchema.OverdueAt} < @now");
            args.Add(("now", T(now)));
        }

        // The cursor's condition repeats the time bound on its own (">=", "<="), which both planners can turn into the
        // index range; the OR alone they would check row by row. A search's order has its own (NewestMatchesAsync); a
        // search text without a word to search for lists like the id order.
        var listOrder = query.Order;
        var search = query.Text is { } text ? _dialect.SearchQuery(text) : null;
        var scoped = search is not null && scope.BodyIds is { Count: > 0 and <= CaseScope.MaxBranchedBodies };
        if (scoped)
        {
            // An executor's search asks the index for its bodies' messages only (migration 18): a common word matches
            // hundreds of thousands of messages, a body's cases hold a few hundred of them.
            search = _dialect.ScopedSearch(search!, scope.BodyIds!);
        }

        var byMatch = listOrder == CaseListOrder.Match && search is not null;
        if (query.After is { } after && !byMatch)
        {
            sql.Append(listOrder switch
            {
                CaseListOrder.Due => " AND c.answer_due >= @ckey AND (c.answer_due > @ckey OR c.id > @cid)",
                CaseListOrder.Created => " AND c.created_at <= @ckey AND (c.created_at < @ckey OR c.id < @cid)",
                CaseListOrder.Overdue => $" AND {ReadSchema.OverdueAt} <= @ckey AND ({ReadSchema.OverdueAt} < @ckey OR c.id < @cid)",
                _ => " AND c.id < @cid",
            });
            args.Add(("cid", after.Id));
            if (listOrder is not (CaseListOrder.Id or CaseListOrder.Match))
            {
                args.Add(("ckey", T(after.KeyTime)));
            }
        }

        if (listOrder == CaseListOrder.Due)
        {
            sql.Append(" AND c.answer_due IS NOT NULL");
        }

        var order = listOrder switch
        {
            CaseListOrder.Due => "c.answer_due, c.id",
            CaseListOrder.Created => "c.created_at DESC, c.id DESC",
            CaseListOrder.Overdue => $"{ReadSchema.OverdueAt} DESC, c.id DESC",
            _ => "c.id DESC",
        };
        if (byMatch)
        {
            var where = $"{scope.Sql()} AND {sql}";
            var filters = args.Where(a => a.Item1 != "limit").ToList();
            var below = query.After?.Key ?? long.MaxValue;
            var found = scoped && _dialect.GroupsScopedMatches
                ? await ScopedMatchesAsync(where, filters, search!, query.Limit + 1, below, cancellationToken)
                : await NewestMatchesAsync(where, filters, search!, scoped, query.Limit + 1, below, cancellationToken)
                    ?? await PlainMatchesAsync(where, filters, search!, query.Limit + 1, below, cancellationToken);
            return MatchPage(await ReadCasesAsync([.. found.Select(f => f.Case)], order, now, cancellationToken), found, query.Limit);
        }

        if (search is not null)
        {
            sql.Append(" AND ").Append(_dialect.TextMatch(_dialect.SearchTerm(search)));
            args.Add(("q", search));
        }

        var ids = PageIds(sql.ToString(), scope, listOrder, order);
        var page = $"SELECT {CaseFields} FROM ({ids}) p JOIN cases c ON c.id = p.id LEFT JOIN bodies b ON b.id = c.body_id ORDER BY {order}";
        return Page(await QueryAsync(page, r => ReadCase(r, now), cancellationToken, [.. args]), query.Limit, listOrder);
    }

    /// <summary>
    /// The page's ids (column <c>id</c>), at most <c>@limit</c>, in the list's order. A scope of a few bodies is read
    /// as one branch per body (its own cases, then the cases escalated to it), each an index range in the list's order
    /// that stops at the page, merged and cut to the page; as one condition "body in (…) or escalated to one of them" both
    /// databases gathered every case of the body that passed the filters and sorted them (an executor's inbox by
    /// deadline: 60 ms on PostgreSQL at a million cases). Every case is in at most one branch: one owner, one escalation,
    /// and an escalated case whose owner is in the scope is left to its owner's branch.
    /// </summary>
    private static string PageIds(string filters, CaseScope scope, CaseListOrder listOrder, string order)
    {
        if (scope.IsAll || scope.BodyIds!.Count is 0 or > CaseScope.MaxBranchedBodies)
        {
            return $"SELECT c.id FROM cases c WHERE {scope.Sql()} AND {filters} ORDER BY {order} LIMIT @limit";
        }

        var (keys, outer) = listOrder switch
        {
            CaseListOrder.Due => ("c.id, c.answer_due AS k", "k, id"),
            CaseListOrder.Created => ("c.id, c.created_at AS k", "k DESC, id DESC"),
            CaseListOrder.Overdue => ($"c.id, {ReadSchema.OverdueAt} AS k", "k DESC, id DESC"),
            _ => ("c.id", "id DESC"),
        };
        var owners = string.Join(',', scope.BodyIds.Select(Db.Literal));
        var branches = scope.BodyIds.SelectMany(body => new[]
        {
            $"c.body_id = {Db.Literal(body)}",
            $"c.escalated_to_body_id = {Db.Literal(body)} AND (c.body_id IS NULL OR c.body_id NOT IN ({owners}))",
        });
        // SQLite takes ORDER BY and LIMIT inside a compound SELECT only in a subquery; PostgreSQL accepts that too.
        var union = string.Join(" UNION ALL ", branches.Select((where, i) =>
            $"SELECT * FROM (SELECT {keys} FROM cases c WHERE {where} AND {filters} ORDER BY {order} LIMIT @limit) b{i}"));
        return $"SELECT id FROM ({union}) u ORDER BY {outer} LIMIT @limit";
    }

    /// <summary>A page in a search's order: the rows in the order <paramref name="found"/> names them, the cursor keyed by the last one's newest match.</summary>
    private static CaseListPage MatchPage(List<CaseRecord> rows, List<(long Case, long Key)> found, int limit)
    {
        var byId = rows.ToDictionary(r => r.Id);
        var items = found.Where(f => byId.ContainsKey(f.Case)).Select(f => byId[f.Case]).ToList();
        if (items.Count <= limit)
        {
            return new CaseListPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new CaseListPage(items, new CaseCursor(items[^1].Id, found.First(f => f.Case == items[^1].Id).Key, CaseListOrder.Match));
    }

    private static CaseListPage Page(List<CaseRecord> rows, int limit, CaseListOrder order)
    {
        if (rows.Count <= limit)
        {
            return new CaseListPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new CaseListPage(rows, CaseCursor.After(rows[^1], order));
    }
}
