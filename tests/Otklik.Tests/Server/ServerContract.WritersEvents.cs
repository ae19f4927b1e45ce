using System.Globalization;
using Otklik.Access;
using Otklik.Analytics;
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
            // The answer's transaction stops right after its event took an id, until the test lets it go: a trigger
            // waits for an advisory lock the test holds (test-only, in the test's own database).
            await gate.ExecuteAsync(
                $"""
                CREATE FUNCTION test_hold_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock({HeldAnswer}); RETURN NULL; END $$;
                CREATE TRIGGER test_hold_answer AFTER INSERT ON case_events FOR EACH ROW WHEN (NEW.kind = 'answered')
                EXECUTE FUNCTION test_hold_answer();
                SELECT pg_advisory_lock({HeldAnswer});
                """,
                default);
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
            await gate.ExecuteAsync($"SELECT pg_advisory_unlock({HeldAnswer})", default);
        }

        (await answer).EnsureSuccessStatusCode();
        await refresh;
        await dashboard.RefreshAsync();

        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(1L, Count(await session.ScalarAsync("SELECT SUM(answered) FROM analytics_daily", default)));
        Assert.Equal(2L, Count(await session.ScalarAsync("SELECT SUM(cases) FROM analytics_daily", default)));
        Assert.True(!postgres || waited, "the refresh read its watermarks while the answer was in flight");
    }

    // The advisory lock key the test's trigger holds an answer on (any constant no Otklik lock uses).
    private const long HeldAnswer = 0x7465737401;
}
