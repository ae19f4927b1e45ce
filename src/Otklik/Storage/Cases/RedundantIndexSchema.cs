using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 16 of both dialects: the indexes of <c>cases</c>, <c>messages</c> and <c>case_events</c> audited against
/// the statements that read them (EXPLAIN / EXPLAIN QUERY PLAN of every list filter, the candidate lookup, the SLA
/// monitor, the statistics; bench/README.md, "Import: the index audit"). Every index costs each import and each
/// ingested case a B-tree insert, and a bulk load a rebuild.
/// <list type="bullet">
/// <item>PostgreSQL: <c>cases_body (body_id)</c> is a prefix of <c>cases_body_status (body_id, status, id)</c>, which
/// serves every equality on the body (the list's body filter, a scope's branch, the foreign key's check when a body is
/// deleted) as well; PostgreSQL does not order equal keys by id for the planner, so no sort order is lost. Dropped.</item>
/// <item>SQLite: nothing is dropped. Its indexes end with the row id, so <c>cases_body</c> is (body_id, id) and
/// <c>cases_topic</c> (topic, id): a body's or a topic's cases newest first are one range read. Without them both lists
/// sort every case of the body or topic; at a million imported cases the largest body holds 211,000 and the largest
/// topic 77,000, and an executor's "my cases, newest first" is a body-only list.</item>
/// </list>
/// The other near-duplicates are kept for the order or the rows they serve: <c>cases_body_status</c> (newest first) beside
/// <c>cases_body_status_due</c> (by deadline), <c>cases_topic</c> beside <c>cases_topic_status</c> on PostgreSQL (newest
/// first), the partial indexes of open cases beside the full ones (open cases are few in a store with years of closed
/// ones; the full index would walk the closed cases' past deadlines first).
/// </summary>
internal static class RedundantIndexSchema
{
    private const string Description = "indexes: drop what another index already serves";

    public static readonly Migration Sqlite = new(16, Description + " (nothing is redundant on SQLite: its indexes end with the row id)", "SELECT 1;");

    public static readonly Migration Postgres = new(16, Description, "DROP INDEX cases_body;");
}
