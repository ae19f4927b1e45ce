using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Otklik.Server;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Web;

/// <summary>
/// One real server (Kestrel on 127.0.0.1, a free port, a temporary SQLite file, the seeded demo data) and one headless
/// Debian Chromium per collection. Chromium is the system's (/usr/bin/chromium, installed by test.sh), never a
/// downloaded one; a missing browser fails the tests with what to install.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string OperatorName = "operator";
    public const string ExecutorName = "executor";
    public const string Password = "correct-horse-42";
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(-60));

    /// <summary>The server's database, for writing what no endpoint writes (an event of an older version's form).</summary>
    public CaseDatabase Database => _app!.Services.GetRequiredService<CaseDatabase>();

    /// <summary>Where screenshots go: beside the test binaries, so CI can keep them as artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium; test.sh does).");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _app = await OtklikServer.BuildAsync(new OtklikServerOptions
        {
            Database = _folder.File("web.db"), Urls = "http://127.0.0.1:0", Time = Clock, PseudonymKey = "web-tests-pseudonym-key",
            DataDirectory = _folder.Path, RunWorkers = false, Demo = true,
        });
        await _app.StartAsync();
        Address = OtklikServer.Address(_app);

        var accounts = _app.Services.GetRequiredService<UserAccounts>();
        var adminUser = await accounts.AddAsync(AdminName, "admin", null, false, Password, default);
        await accounts.AddAsync(OperatorName, "operator", null, false, Password, default);
        using var admin = await AdminKeyClientAsync(adminUser.User!.Id);
        var database = _app.Services.GetRequiredService<CaseDatabase>();
        await DemoSeed.RunAsync(database, admin, Clock);
        long executorBody;
        await using (var session = await database.OpenAsync(write: false))
        {
            executorBody = (await session.FindBodyByNameAsync(DemoSeed.ExecutorBody))!.Value;
        }

        await accounts.AddAsync(ExecutorName, "executor", executorBody, false, Password, default);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>An HttpClient signed in with the browser's cookie, for seeding and for reading what the pages should show.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { name, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>
    /// The seed moves the fake clock 60 days, past any cookie's lifetime: it works with an API key, which does not expire.
    /// </summary>
    private async Task<HttpClient> AdminKeyClientAsync(long adminId)
    {
        using var signedIn = await SignedInClientAsync(AdminName);
        var created = await signedIn.PostAsJsonAsync($"/api/users/{adminId}/api-keys", new { name = "web-tests-seed" });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<KeyAnswer>())!.Key;
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private sealed record KeyAnswer(string Key);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
