using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 15 of both dialects: the overdue list's index. <c>overdue=true</c> read the open cases newest id first and
/// dropped the ones not yet overdue row by row; in a live store those are the newest open cases, a few days' inflow, so
/// the first page read thousands of rows before its 51st overdue one (PostgreSQL, 1M cases after 4,400 new arrivals:
/// 37.9 ms, 6,600 buffers, one heap fetch per skipped case). The overdue list is now read by when each case fell
/// overdue, most recent first (<see cref="CaseListOrder.Overdue"/>), a range of this index that stops at the page. The
/// index keeps the old name because the dashboard's overdue count names it (SQLite's <c>INDEXED BY</c>); the id after
/// the time orders ties for the cursor. An executor's list is read per body (<see cref="CaseScope"/>), so a second
/// index leads with the body: without it SQLite sorted all of a body's open cases (76,000 at 1M: 140–200 ms).
/// </summary>
internal static class OverdueOrderSchema
{
    private const string Description = "overdue list: open cases by when they fell overdue, then id";

    private static readonly string Sql = $"""
        DROP INDEX cases_open_overdue_at;
        CREATE INDEX cases_open_overdue_at ON cases (({ReadSchema.BareOverdueAt}), id) WHERE {ReadSchema.Open};
        CREATE INDEX cases_open_body_overdue_at ON cases (body_id, ({ReadSchema.BareOverdueAt}), id) WHERE {ReadSchema.Open};
        """;

    public static readonly Migration Sqlite = new(15, Description, Sql);

    public static readonly Migration Postgres = new(15, Description, Sql);
}
