using Otklik.Storage.Sql;

namespace Otklik.Storage.Sqlite;

/// <summary>The SQLite migrations. Times are UTC ISO-8601 text with microseconds, which sorts as it reads.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "bodies, officials, accounts, messages, cases, responses, case events, quarantine", """
            CREATE TABLE bodies (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              folded_name TEXT NOT NULL UNIQUE,
              short_name TEXT,
              level TEXT NOT NULL,
              region_code TEXT,
              parent_id INTEGER REFERENCES bodies (id),
              region TEXT,
              district TEXT,
              city TEXT,
              contacts TEXT);
            CREATE TABLE officials (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              position TEXT NOT NULL,
              body_id INTEGER REFERENCES bodies (id));
            CREATE TABLE accounts (
              id INTEGER PRIMARY KEY,
              platform TEXT NOT NULL,
              handle TEXT NOT NULL,
              url TEXT,
              kind TEXT NOT NULL,
              owner_body_id INTEGER REFERENCES bodies (id),
              owner_official_id INTEGER REFERENCES officials (id),
              followers INTEGER,
              UNIQUE (platform, handle),
              CHECK ((owner_body_id IS NULL) <> (owner_official_id IS NULL)));
            CREATE TABLE cases (
              id INTEGER PRIMARY KEY,
              topic_group TEXT,
              topic TEXT,
              region_code TEXT,
              region TEXT,
              district TEXT,
              city TEXT,
              body_id INTEGER REFERENCES bodies (id),
              status TEXT NOT NULL,
              first_reply_due TEXT,
              answer_due TEXT,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              closed_at TEXT,
              label_source TEXT,
              confidence REAL);
            CREATE INDEX cases_body ON cases (body_id);
            CREATE TABLE messages (
              id INTEGER PRIMARY KEY,
              channel TEXT NOT NULL,
              external_id TEXT NOT NULL,
              url TEXT,
              author_id TEXT,
              text TEXT NOT NULL,
              received_at TEXT NOT NULL,
              posted_at TEXT,
              account_id INTEGER REFERENCES accounts (id),
              account_handle TEXT,
              reply_to_external_id TEXT,
              geo_lat REAL,
              geo_lon REAL,
              address TEXT,
              case_id INTEGER REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
              UNIQUE (channel, external_id));
            CREATE INDEX messages_case ON messages (case_id);
            CREATE TABLE responses (
              id INTEGER PRIMARY KEY,
              case_id INTEGER NOT NULL REFERENCES cases (id),
              body_id INTEGER REFERENCES bodies (id),
              author_user TEXT,
              kind TEXT NOT NULL,
              at TEXT NOT NULL,
              text TEXT NOT NULL,
              url TEXT);
            CREATE INDEX responses_case ON responses (case_id);
            CREATE TABLE case_events (
              id INTEGER PRIMARY KEY,
              case_id INTEGER NOT NULL REFERENCES cases (id),
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              kind TEXT NOT NULL,
              before_value TEXT,
              after_value TEXT,
              note TEXT);
            CREATE INDEX case_events_case ON case_events (case_id, id);
            CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TABLE quarantine (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              source TEXT NOT NULL,
              line INTEGER NOT NULL,
              reason TEXT NOT NULL,
              excerpt TEXT,
              UNIQUE (source, line));
            """),
        Cases.WorkflowSchema.Sqlite,
        Cases.WorkflowSchema.SqliteSlaIndex,
        SqliteSearchIndex.Sqlite,
        RoutingSchema.Sqlite,
        Cases.ReadSchema.Sqlite,
        Cases.RatingColumnsSchema.Sqlite,
        Cases.FilterIndexSchema.Sqlite,
        Cases.RollupCubeSchema.Sqlite,
        Cases.SearchPrefixSchema.Sqlite,
        Cases.FailedMessagesSchema.Sqlite,
        Cases.SearchVectorSchema.Sqlite,
        Cases.SearchDetailSchema.Sqlite,
        Cases.IngestSchema.Sqlite,
        Cases.OverdueOrderSchema.Sqlite,
        Cases.RedundantIndexSchema.Sqlite,
        Cases.SearchYoSchema.Sqlite,
        Cases.SearchScopeSchema.Sqlite,
        Cases.SearchPendingSchema.Sqlite,
        Cases.SearchScopeGivenSchema.Sqlite,
        Cases.SearchUpkeepSchema.Sqlite,
        Cases.SearchUpkeepSchema.SqliteRecord,
        Cases.SearchNewestFirstSchema.Sqlite,
        Cases.SearchWordScopeSchema.Sqlite,
    ];
}
