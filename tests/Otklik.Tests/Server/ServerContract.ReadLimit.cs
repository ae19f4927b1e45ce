using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Otklik.Access;
using Otklik.Server;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_case_read_beyond_the_limit_waits_for_a_turn_and_then_succeeds()
    {
        var gate = new ReadGate();
        var server = await StartGatedAsync(gate, maxConcurrent: 1, queueLimit: 10);
        var client = await server.ClientAsync(Role.Operator);

        var first = client.GetAsync("/api/cases");
        Assert.True(await gate.Entered.WaitAsync(Patience));
        var second = client.GetAsync("/api/cases?status=new");
        // The second read is queued by the limit, so it cannot reach the endpoint while the first holds the only turn.
        Assert.False(await gate.Entered.WaitAsync(TimeSpan.FromMilliseconds(300)));

        gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
    }

    [Fact]
    public async Task A_case_read_beyond_the_limit_and_its_queue_is_refused_with_503_at_once()
    {
        var gate = new ReadGate();
        var server = await StartGatedAsync(gate, maxConcurrent: 1, queueLimit: 0);
        var client = await server.ClientAsync(Role.Operator);

        var first = client.GetAsync("/api/cases");
        Assert.True(await gate.Entered.WaitAsync(Patience));
        var refused = await client.GetAsync("/api/cases/1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/problems/busy", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);

        gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    [Fact]
    public async Task With_the_read_limit_off_case_reads_run_at_once()
    {
        var gate = new ReadGate();
        var server = await StartGatedAsync(gate, maxConcurrent: 0, queueLimit: 0);
        var client = await server.ClientAsync(Role.Operator);

        var reads = Enumerable.Range(0, 3).Select(_ => client.GetAsync("/api/cases")).ToList();
        for (var i = 0; i < reads.Count; i++)
        {
            Assert.True(await gate.Entered.WaitAsync(Patience));
        }

        gate.Open();
        Assert.All(await Task.WhenAll(reads), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_negative_read_limit_stops_the_server_at_start_naming_the_setting()
    {
        Database = await NewDatabaseAsync();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(
            Database, services => services.Configure<ReadLimitOptions>(o => o.MaxConcurrent = -1)));
        Assert.Contains("Otklik:Reads:MaxConcurrent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_read_limit_is_two_per_core_on_PostgreSQL_and_none_on_SQLite()
    {
        var defaults = new ReadLimitOptions();
        Assert.Equal(2 * Environment.ProcessorCount, defaults.Permits(postgres: true));
        Assert.Equal(0, defaults.Permits(postgres: false));
        Assert.Equal(3, new ReadLimitOptions { MaxConcurrent = 3 }.Permits(postgres: false));
        Assert.Equal(0, new ReadLimitOptions { MaxConcurrent = 0 }.Permits(postgres: true));
    }

    /// <summary>A server whose case reads stop at <paramref name="gate"/> (inside the limit, before the endpoint).</summary>
    private async Task<TestServer> StartGatedAsync(ReadGate gate, int maxConcurrent, int queueLimit)
    {
        Database = await NewDatabaseAsync();
        var server = await TestServer.StartAsync(
            Database,
            services => services.Configure<ReadLimitOptions>(o => (o.MaxConcurrent, o.QueueLimit) = (maxConcurrent, queueLimit)),
            pipeline: app => app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/api/cases", StringComparison.Ordinal))
                {
                    gate.Entered.Release();
                    await gate.Opened.Task;
                }

                await next();
            }));
        _servers.Add(server);
        return server;
    }

    /// <summary>Holds every case read that reaches it until opened, and counts them in.</summary>
    private sealed class ReadGate
    {
        public SemaphoreSlim Entered { get; } = new(0);

        public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => Opened.TrySetResult();
    }
}
