using Otklik.Tests.Support;

namespace Otklik.Tests.Server;

/// <summary>The server suite on the embedded SQLite: a file of its own per test.</summary>
public sealed partial class SqliteServerTests : ServerContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private int _files;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(_folder.File($"otklik{++_files}.db"));

    public void Dispose() => _folder.Dispose();
}
