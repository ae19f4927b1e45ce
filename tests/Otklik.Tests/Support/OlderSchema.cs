using Otklik.Storage.Cases;
using Otklik.Storage.Postgres;
using Otklik.Storage.Sqlite;

namespace Otklik.Tests;

/// <summary>A store as an older release left it: for tests of what a later migration does to existing rows.</summary>
internal static class OlderSchema
{
    /// <summary>Applies the migrations up to <paramref name="version"/> only, recording them as the store would.</summary>
    public static async Task MigrateToAsync(CaseDatabase database, int version)
    {
        var migrations = database.Dialect is SqliteDialect ? SqliteSchema.Migrations : PostgresSchema.Migrations;
        await using var session = await database.OpenAsync(write: true);
        await session.ExecuteAsync("CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)", default);
        foreach (var migration in migrations.Where(m => m.Version <= version))
        {
            await session.ExecuteAsync(migration.Sql, default);
            await session.ExecuteAsync(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, 'test')",
                default, ("v", migration.Version), ("d", migration.Description));
        }

        await session.CommitAsync();
    }
}
