using Otklik.Tests.Support;

namespace Otklik.Tests.Ratings.Sources;

/// <summary>The store-backed case facts on SQLite: a file of its own per test.</summary>
public sealed class SqliteStoreCaseFactsTests : StoreCaseFactsContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(_folder.File($"{Guid.NewGuid():N}.db"));

    public void Dispose() => _folder.Dispose();
}
