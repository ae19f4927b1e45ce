namespace Otklik.Storage.Cases;

/// <summary>
/// The case tables, one text for both databases: {ID} is the dialect's auto-increment key, {BLOB} its byte type.
/// Times are Unix milliseconds (BIGINT) so both databases compare and index them the same way.
/// </summary>
internal static class CommonSchema
{
    public static IEnumerable<string> Statements(string id, string blob)
    {
        var text = Tables.Replace("{ID}", id, StringComparison.Ordinal).Replace("{BLOB}", blob, StringComparison.Ordinal);
        return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0);
    }

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS bodies (
            id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, short_name TEXT, level TEXT NOT NULL,
            region_code TEXT, parent_id BIGINT, region TEXT, district TEXT, city TEXT, contacts TEXT);
        CREATE TABLE IF NOT EXISTS accounts (
            id {ID}, platform TEXT NOT NULL, handle TEXT NOT NULL, url TEXT, kind TEXT NOT NULL,
            owner_body_id BIGINT, owner_official_id BIGINT, followers BIGINT);
        CREATE TABLE IF NOT EXISTS cases (
            id {ID}, topic_group TEXT, topic TEXT, region_code TEXT, region TEXT, district TEXT, city TEXT,
            body_id BIGINT, status TEXT NOT NULL, first_reply_due BIGINT NOT NULL, answer_due BIGINT NOT NULL,
            first_reply_at BIGINT, answered_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            closed_at BIGINT, label_source TEXT, confidence DOUBLE PRECISION, reasons TEXT, message_count BIGINT NOT NULL,
            title TEXT NOT NULL, fingerprint {BLOB}, sla_flags BIGINT NOT NULL DEFAULT 0, escalated_to_body_id BIGINT,
            feedback_token_hash TEXT, feedback_fixed BIGINT, feedback_at BIGINT, feedback_comment TEXT,
            simulated BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS idx_cases_status ON cases(status, id);
        CREATE INDEX IF NOT EXISTS idx_cases_body ON cases(body_id, status, id);
        CREATE INDEX IF NOT EXISTS idx_cases_topic ON cases(topic, id);
        CREATE INDEX IF NOT EXISTS idx_cases_region ON cases(region_code, id);
        CREATE INDEX IF NOT EXISTS idx_cases_created ON cases(created_at);
        CREATE INDEX IF NOT EXISTS idx_cases_answer_due ON cases(answer_due, id);
        CREATE INDEX IF NOT EXISTS idx_cases_escalated ON cases(escalated_to_body_id) WHERE escalated_to_body_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS idx_cases_open_topic ON cases(topic, body_id, id)
            WHERE status IN ('New', 'Assigned', 'InProgress', 'Reopened');
        CREATE UNIQUE INDEX IF NOT EXISTS idx_cases_feedback ON cases(feedback_token_hash) WHERE feedback_token_hash IS NOT NULL;
        CREATE TABLE IF NOT EXISTS messages (
            id {ID}, channel TEXT NOT NULL, external_id TEXT NOT NULL, url TEXT, author_id TEXT, author_raw TEXT,
            text TEXT NOT NULL, received_at BIGINT NOT NULL, posted_at BIGINT, account_id BIGINT, reply_to TEXT,
            lat DOUBLE PRECISION, lon DOUBLE PRECISION, address TEXT, topic_hint TEXT, topic_group_hint TEXT,
            body_hint TEXT, region_hint TEXT, city_hint TEXT, case_id BIGINT, processed_at BIGINT, text_removed_at BIGINT,
            simulated BIGINT NOT NULL DEFAULT 0,
            UNIQUE (channel, external_id));
        CREATE INDEX IF NOT EXISTS idx_messages_case ON messages(case_id);
        CREATE INDEX IF NOT EXISTS idx_messages_pending ON messages(id) WHERE processed_at IS NULL;
        CREATE TABLE IF NOT EXISTS case_events (
            id {ID}, case_id BIGINT NOT NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL,
            before_value TEXT, after_value TEXT, note TEXT);
        CREATE INDEX IF NOT EXISTS idx_case_events_case ON case_events(case_id, id);
        CREATE TABLE IF NOT EXISTS responses (
            id {ID}, case_id BIGINT NOT NULL, body_id BIGINT, author_user TEXT, kind TEXT NOT NULL, at BIGINT NOT NULL,
            text TEXT NOT NULL, url TEXT);
        CREATE INDEX IF NOT EXISTS idx_responses_case ON responses(case_id, id);
        CREATE TABLE IF NOT EXISTS users (
            id {ID}, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, body_id BIGINT, include_children BIGINT NOT NULL DEFAULT 0,
            password_hash TEXT, created_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS api_keys (
            id {ID}, user_id BIGINT NOT NULL, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL,
            revoked_at BIGINT)
        """;
}
