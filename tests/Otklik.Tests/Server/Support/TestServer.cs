using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Otklik.Access;
using Otklik.Model;
using Otklik.Server;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Server.Support;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, on a fresh database, with a fake clock. Callers are users
/// with API keys (fast: no password hashing per test); <see cref="SignInAsync"/> covers the browser's cookie path.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly List<HttpClient> _clients = [];
    private int _users;

    private TestServer(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
        BaseAddress = OtklikServer.Address(app);
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    public CaseDatabase Database => Service<CaseDatabase>();

    /// <summary>Builds and starts the app; <paramref name="pipeline"/> may add middleware after the app's own, just before the endpoints.</summary>
    public static async Task<TestServer> StartAsync(
        string database, Action<IServiceCollection>? configure = null, bool workers = false, Action<WebApplication>? pipeline = null)
    {
        var clock = new FakeTimeProvider(Start);
        var app = await OtklikServer.BuildAsync(
            new OtklikServerOptions
            {
                Database = database, Urls = "http://127.0.0.1:0", Time = clock, RunWorkers = workers,
                PseudonymKey = "test-pseudonym-key-0123456789",
            },
            configure);
        pipeline?.Invoke(app);
        await app.StartAsync();
        return new TestServer(app, clock);
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        _clients.Add(client);
        return client;
    }

    /// <summary>A new user of the role (bound to a body for executors) and a client that calls as them by API key.</summary>
    public async Task<HttpClient> ClientAsync(Role role, long? bodyId = null, bool includeChildBodies = false)
    {
        var key = await KeyAsync(role, bodyId, includeChildBodies);
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A new user of the role and its API key.</summary>
    public async Task<string> KeyAsync(Role role, long? bodyId = null, bool includeChildBodies = false)
    {
        var name = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref _users)}";
        await using var session = await Database.OpenAsync(write: true);
        var id = await session.AddUserAsync(name, role, bodyId, includeChildBodies, null, Clock.GetUtcNow());
        var key = ApiKeys.NewKey();
        await session.AddApiKeyAsync(id!.Value, "test", ApiKeys.HashOf(key), Clock.GetUtcNow());
        await session.CommitAsync();
        return key;
    }

    /// <summary>A user with a password, signed in through <c>/api/auth/sign-in</c>; the client keeps the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = BaseAddress };
        _clients.Add(client);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { name, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<long> AddBodyAsync(string name, long? parentId = null)
    {
        await using var session = await Database.OpenAsync(write: true);
        var id = await session.AddBodyAsync(new Body(0, name, null, BodyLevel.Municipal, "46", parentId, new Territory("46", "Курская область"), null));
        await session.CommitAsync();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }
}
