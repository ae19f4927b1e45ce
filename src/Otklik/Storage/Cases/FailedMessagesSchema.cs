using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 11 of both dialects: a message the analyzer fails on is marked failed with the reason (and quarantined for
/// operators) instead of staying pending. Pending used to mean only "no case yet", so one such message failed its whole
/// processing batch, which the worker then retried forever and nothing behind it was processed.
/// </summary>
internal static class FailedMessagesSchema
{
    private const string Description = "messages that failed processing: marked with the reason, no longer pending";

    private const string Sql = """
        ALTER TABLE messages ADD COLUMN failed_reason TEXT;
        DROP INDEX messages_pending;
        CREATE INDEX messages_pending ON messages (id) WHERE case_id IS NULL AND failed_reason IS NULL;
        """;

    public static readonly Migration Sqlite = new(11, Description, Sql);

    public static readonly Migration Postgres = new(11, Description, Sql);
}
