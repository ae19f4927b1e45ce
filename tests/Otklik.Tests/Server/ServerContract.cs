using Microsoft.Extensions.DependencyInjection;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

/// <summary>
/// The server's behaviour through real HTTP, run against every backend (SQLite, PostgreSQL): each test gets a fresh
/// database and its own app on a free loopback port. Partial files by area.
/// </summary>
public abstract partial class ServerContract : IAsyncLifetime
{
    private readonly List<TestServer> _servers = [];

    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>The database of the last server started (a restart reuses it).</summary>
    protected string Database { get; private set; } = string.Empty;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    protected async Task<TestServer> StartAsync(Action<IServiceCollection>? configure = null, bool workers = false, bool sameDatabase = false)
    {
        if (!sameDatabase)
        {
            Database = await NewDatabaseAsync();
        }

        var server = await TestServer.StartAsync(Database, configure, workers);
        _servers.Add(server);
        return server;
    }

    protected static async Task StopAsync(TestServer server) => await server.App.StopAsync();
}
