using System.Globalization;
using Otklik.Access;
using Otklik.Processing;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task Two_writers_adding_the_same_new_bodies_in_opposite_orders_wait_for_each_other_without_a_deadlock()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        var postgres = server.Database.Dialect is PostgresDialect;
        var checks = 0;
        server.Service<MessageProcessor>().BeforeCheck = () =>
        {
            Interlocked.Increment(ref checks);
            return Task.CompletedTask;
        };
        await using var gate = await server.Database.OpenAsync(write: false);
        if (postgres)
        {
            // Each writing transaction stops once, right after the first body it adds, until the test lets both go:
            // then each holds one new body when it goes on to add the other. A sequence, which no rollback takes
            // back, counts the bodies inserted (test-only, in the test's own database).
            await gate.ExecuteAsync(
                $"""
                CREATE SEQUENCE test_body_inserts;
                CREATE FUNCTION test_hold_body() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM nextval('test_body_inserts');
                  IF current_setting('test.held_body', true) IS DISTINCT FROM 'y' THEN
                    PERFORM set_config('test.held_body', 'y', true);
                    PERFORM pg_advisory_xact_lock_shared({HeldBody});
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER test_hold_body AFTER INSERT ON bodies FOR EACH ROW EXECUTE FUNCTION test_hold_body();
                SELECT pg_advisory_lock({HeldBody});
                """,
                default);
        }

        var first = Post(integrator, Api.Message(Different[0], body: "Управа Альфа"), Api.Message(Different[1], body: "Управа Бета"));
        if (postgres)
        {
            Assert.True(await LockWaiterAsync(server), "the first writer never stopped after its first body");
        }

        else
        {
            // SQLite's one writer would take both batches into one transaction.
            await first;
        }

        var second = Post(integrator, Api.Message(Different[2], body: "Управа Бета"), Api.Message(Different[3], body: "Управа Альфа"));
        if (postgres)
        {
            // The second waits too: for the first to commit its bodies (WriteLocks.Bodies), or, were the two to add
            // bodies at once, after its own first body, holding the body the first goes on to add.
            Assert.True(await LockWaiterAsync(server, 2), "the second writer never waited");
            await gate.ExecuteAsync($"SELECT pg_advisory_unlock({HeldBody})", default);
        }

        var results = (await ResultAsync(await first)).Results.Concat((await ResultAsync(await second)).Results).ToList();

        // A deadlock aborts one transaction (after PostgreSQL's deadlock_timeout, a second) with the body it added,
        // and its batch is written again: only the other's two bodies were ever inserted, each batch checked once.
        if (postgres)
        {
            Assert.Equal(2L, Convert.ToInt64(await gate.ScalarAsync("SELECT last_value FROM test_body_inserts", default), CultureInfo.InvariantCulture));
        }

        Assert.Equal(2, checks);
        Assert.All(results, r => Assert.Equal("accepted", r.Status));
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(0, await session.CountPendingAsync());
        Assert.Equal(2L, Convert.ToInt64(await session.ScalarAsync("SELECT COUNT(*) FROM bodies WHERE name LIKE 'Управа%'", default), CultureInfo.InvariantCulture));
    }

    // The advisory lock key the test's trigger holds a body on (any constant no Otklik lock uses).
    private const long HeldBody = 0x7465737402;
}
