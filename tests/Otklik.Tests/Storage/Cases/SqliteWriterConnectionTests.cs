using Microsoft.Data.Sqlite;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Storage.Cases;

/// <summary>SQLite write sessions keep one connection, so its page cache survives from one transaction to the next.</summary>
public sealed class SqliteWriterConnectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Write_sessions_get_the_same_connection_even_after_readers_used_the_pool_in_between()
    {
        var database = await CaseDatabase.OpenAsync(_folder.File("otklik.db"));
        SQLitePCL.sqlite3 first;
        await using (var write = await database.OpenAsync(write: true))
        {
            first = Handle(write);
            await write.CommitAsync();
        }

        // Readers open and close connections of the shared pool meanwhile; one is still open when the writer returns.
        await using var reader = await database.OpenAsync(write: false);
        await using (var other = await database.OpenAsync(write: false))
        {
            Assert.NotSame(first, Handle(other));
        }

        await using (var write = await database.OpenAsync(write: true))
        {
            Assert.Same(first, Handle(write));
            Assert.NotSame(first, Handle(reader));
            Assert.Equal(-SqliteDialect.WriterCacheKib, await CacheSizeAsync(write));
        }

        Assert.Equal(-8192, await CacheSizeAsync(reader));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static SQLitePCL.sqlite3 Handle(CaseSession session) => ((SqliteConnection)session.Connection).Handle!;

    private static async Task<long> CacheSizeAsync(CaseSession session) =>
        Convert.ToInt64(await session.ScalarAsync("PRAGMA cache_size", CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
}
