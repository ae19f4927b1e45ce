using System.Data.Common;
using Npgsql;

namespace Otklik.Storage.Cases;

/// <summary>Production: PostgreSQL; search through the stored <c>russian</c> tsvector of each message (GIN index).</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Name => "postgresql";

    internal override DbConnection CreateConnection() => _dataSource.CreateConnection();

    internal override object TimeToDb(DateTimeOffset value) => value.UtcDateTime;

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    internal override string TextMatch(string parameter) =>
        $"c.id IN (SELECT m.case_id FROM messages m WHERE m.tsv @@ plainto_tsquery('russian', {parameter}) AND m.case_id IS NOT NULL)";

    // A common word reads the primary key backwards and checks each message; a rare one reads the GIN index and sorts
    // its few matches. The planner picks from the tsvector's statistics.
    internal override string NewestMatches(string query, string from, string below, string limit) =>
        $"SELECT id FROM messages WHERE tsv @@ plainto_tsquery('russian', {query}) AND id >= {from} AND id < {below} ORDER BY id DESC LIMIT {limit}";

    internal override string? SearchQuery(string typed)
    {
        var words = SearchWords.Split(typed);
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
