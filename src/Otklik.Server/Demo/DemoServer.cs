using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Errors;
using Otklik.Ingest;
using Otklik.Server.Apis;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Server.Demo;

/// <summary>
/// <c>otklik serve --demo</c>: a fresh demo database, the demo bodies and appeals, a running simulated world, and demo
/// users whose random passwords are printed once. There is no default account anywhere else.
/// </summary>
public static class DemoServer
{
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "demo");

    public static async Task<int> RunAsync(DemoServerOptions options, Action<string> print, CancellationToken cancellationToken)
    {
        var appealsFile = Path.Combine(DemoFolder, "kursk-appeals.csv");
        var delaysFile = Path.Combine(DemoFolder, "response-delays.csv");
        foreach (var file in new[] { appealsFile, delaysFile })
        {
            if (!File.Exists(file))
            {
                throw new OtklikException($"The demo data is missing: {file}", "Rebuild: the build copies data/demo/ beside the binary.");
            }
        }

        var modelFile = Path.Combine(options.DataDirectory, "otklik.model");
        var understood = DemoModel.EnsureTrained(modelFile, appealsFile, print);
        await ResetAsync(options.Database, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var clock = new SimulatedClock(now - TimeSpan.FromDays(21), options.Speed);
        var server = new OtklikServerOptions
        {
            Database = options.Database, Urls = options.Urls, Demo = true, Time = clock, DataDirectory = options.DataDirectory,
            ModelPath = understood ? modelFile : null,
        };
        var delays = DelayDistribution.Load(delaysFile);
        await using var app = await OtklikServer.BuildAsync(server, services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton(delays);
            services.AddSingleton(sp => new DemoWorld(
                sp.GetRequiredService<MessageIntake>(), sp.GetRequiredService<CaseCommands>(), clock, delays,
                sp.GetRequiredService<ILogger<DemoWorld>>()) { HistorySpan = TimeSpan.FromDays(21), SendLabels = !understood });
        }, cancellationToken);

        print("Demo: filling in three weeks of simulated history (Kursk region appeals, real Saint Petersburg response times)…");
        var world = app.Services.GetRequiredService<DemoWorld>();
        var appeals = KurskFormat.LoadLabeled(appealsFile);
        var history = await world.FillHistoryAsync(appeals, now, cancellationToken);
        var users = await CreateUsersAsync(app.Services, cancellationToken);
        clock.Run();
        await app.StartAsync(cancellationToken);
        var url = OtklikServer.Address(app);
        print($"Demo: {history} appeals in history, {appeals.Count - history} more arriving live; the clock runs {options.Speed:0}× faster. Everything shown is SIMULATED.");
        print($"Open [link]{url}[/] and sign in (demo accounts on the demo database {Markup(options.Database)}, passwords shown only now):");
        foreach (var (name, role, password) in users)
        {
            print($"  {role,-9} [bold]{name}[/]  password [bold]{password}[/]");
        }

        print("API: /api (see docs/api.md), OpenAPI: /openapi/v1.json. Ctrl+C stops.");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        var live = world.RunAsync(stopping.Token);
        await app.WaitForShutdownAsync(cancellationToken);
        await live;
        return 0;
    }

    private static async Task ResetAsync(string database, CancellationToken cancellationToken)
    {
        if (OtklikStores.IsPostgres(database))
        {
            var db = await CaseDatabase.OpenAsync(database, null, cancellationToken);
            await using var session = await db.OpenAsync(write: false, cancellationToken);
            if (await session.CountUsersAsync(cancellationToken) > 0)
            {
                throw new OtklikException("The demo needs an empty database; this one has users.", "Give --db a fresh database for --demo.");
            }

            return;
        }

        var path = Path.GetFullPath(database);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task<List<(string Name, string Role, string Password)>> CreateUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        var database = services.GetRequiredService<CaseDatabase>();
        long? busiest;
        await using (var session = await database.OpenAsync(write: false, cancellationToken))
        {
            var page = await session.ListCasesAsync(new CaseFilter { Limit = 1 }, CaseScope.All, DateTimeOffset.MaxValue, cancellationToken);
            busiest = page.Items.FirstOrDefault()?.BodyId;
        }

        var created = new List<(string, string, string)>();
        foreach (var (name, role, body) in new[] { ("demo-admin", "admin", (long?)null), ("demo-operator", "operator", null), ("demo-executor", "executor", busiest) })
        {
            var password = ApiKeys.NewToken()[..16];
            var result = await accounts.AddAsync(name, role, body, false, password, cancellationToken);
            if (result.User is not null)
            {
                created.Add((name, role, password));
            }
        }

        return created;
    }

    private static string Markup(string text) => text.Replace("[", "[[", StringComparison.Ordinal).Replace("]", "]]", StringComparison.Ordinal);
}
