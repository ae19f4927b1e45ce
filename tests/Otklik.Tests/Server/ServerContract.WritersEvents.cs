using System.Globalization;
using Otklik.Access;
using Otklik.Analytics;
using Otklik.Model;
using Otklik.Storage;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_rollup_refresh_waits_for_an_answer_in_flight_so_the_answer_committed_late_is_still_counted()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync(Different[0], "Администрация");
        var dashboard = server.Service<DashboardReader>();
        await dashboard.RefreshAsync();
        var postgres = server.Database.Dialect is PostgresDialect;
        await using var gate = await server.Database.OpenAsync(write: false);
        if (postgres)
        {
            await HoldEventsAsync(gate, "NEW.kind = 'answered'");
        }

        var answer = operatorClient.AnswerAsync(id, "Фонари починили");
        // SQLite: the answer simply commits first; its one writer never leaves an event id uncommitted below a later one.
        if (postgres)
        {
            Assert.True(await LockWaiterAsync(server), "the answer never stopped after its event");
        }
        else
        {
            await answer;
        }

        // Another case commits events with higher ids while the answer is open; the refresh then reads its watermarks.
        await operatorClient.OpenCaseAsync(Different[1], "Администрация", topic: "Вывоз мусора");
        var refresh = dashboard.RefreshAsync();
        await Task.Delay(postgres ? 500 : 0);
        var waited = !refresh.IsCompleted;
        if (postgres)
        {
            await gate.ExecuteAsync($"SELECT pg_advisory_unlock({HeldEvent})", default);
        }

        (await answer).EnsureSuccessStatusCode();
        await refresh;
        await dashboard.RefreshAsync();

        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(1L, Count(await session.ScalarAsync("SELECT SUM(answered) FROM analytics_daily", default)));
        Assert.Equal(2L, Count(await session.ScalarAsync("SELECT SUM(cases) FROM analytics_daily", default)));
        Assert.True(!postgres || waited, "the refresh read its watermarks while the answer was in flight");
    }

    [Fact]
    public async Task A_rollup_refresh_waits_for_an_import_batch_in_flight_so_its_case_committed_late_is_still_counted()
    {
        if (await StartOnPostgresWithOneCaseAsync() is not var (server, integrator))
        {
            // SQLite: an import batch and a rollup refresh both take the one write lock.
            return;
        }

        var dashboard = server.Service<DashboardReader>();
        await dashboard.RefreshAsync();
        await using var gate = await server.Database.OpenAsync(write: false);
        await HoldEventsAsync(gate, "NEW.actor = 'import:test'");
        var import = Task.Run(async () =>
        {
            await using var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);
            var message = new IncomingMessage("kursk", "2246", Different[3], null, "a_1", TestServer.Start, null, null, null,
                null, null, new CaseLabels("3", "Электроснабжение", "Администрация"), 1);
            await store.ImportBatchAsync(new ImportBatch([message], [], "import:test", TestServer.Start), CancellationToken.None);
        });
        Assert.True(await LockWaiterAsync(server), "the import never stopped after its event");

        await integrator.SendBatchAsync(Api.Message(Different[1], topic: "Вывоз мусора", body: "Администрация"));
        var refresh = dashboard.RefreshAsync();
        await Task.Delay(500);
        var waited = !refresh.IsCompleted;
        await gate.ExecuteAsync($"SELECT pg_advisory_unlock({HeldEvent})", default);
        await import;
        await refresh;
        await dashboard.RefreshAsync();

        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(3L, Count(await session.ScalarAsync("SELECT SUM(cases) FROM analytics_daily", default)));
        Assert.True(waited, "the refresh read its watermarks while the import was in flight");
    }

    /// <summary>
    /// PostgreSQL: a transaction that inserts a case event matching <paramref name="condition"/> stops right after it
    /// (its ids taken) until the test unlocks <see cref="HeldEvent"/>: a trigger waits for the advisory lock the
    /// <paramref name="gate"/> session takes here (test-only, in the test's own database).
    /// </summary>
    private static Task HoldEventsAsync(CaseSession gate, string condition) =>
        gate.ExecuteAsync(
            $"""
            CREATE FUNCTION test_hold_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_xact_lock({HeldEvent}); RETURN NULL; END $$;
            CREATE TRIGGER test_hold_event AFTER INSERT ON case_events FOR EACH ROW WHEN ({condition})
            EXECUTE FUNCTION test_hold_event();
            SELECT pg_advisory_lock({HeldEvent});
            """,
            default);

    // The advisory lock key the test's trigger holds an event on (any constant no Otklik lock uses).
    private const long HeldEvent = 0x7465737401;
}
