using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 8 of both dialects: two list filters whose index served only half of them at a million cases (quiet
/// bench, SQLite): a topic with a status walked the topic's cases newest first and dropped the other statuses (p99
/// 216 ms), and an executor's inbox of one status by deadline walked all the body's open cases (p99 79 ms). With the
/// status inside the index both pages are one range read.
/// </summary>
internal static class FilterIndexSchema
{
    private const string Description = "list indexes: topic with status, body with status by deadline";

    private const string Indexes = """
        CREATE INDEX cases_topic_status ON cases (topic, status, id);
        CREATE INDEX cases_body_status_due ON cases (body_id, status, answer_due, id);
        """;

    public static readonly Migration Sqlite = new(8, Description, Indexes);

    public static readonly Migration Postgres = new(8, Description, Indexes + "\nANALYZE cases;");
}
