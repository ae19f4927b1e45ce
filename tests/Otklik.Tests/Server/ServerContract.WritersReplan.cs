using System.Globalization;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_near_duplicate_written_beside_the_case_it_belongs_to_is_planned_again_into_that_case_in_its_own_transaction()
    {
        var server = await StartAsync();
        await RegisterBodyAsync(server);
        var integrator = await server.ClientAsync(Role.Integrator);
        var meet = MeetInTransactions(server);

        // Each writer opens a case for its message and waits at its check until the other has written too: the second
        // to check finds the first's case committed and must join it.
        var first = Post(integrator, Complaints(0, 1));
        if (meet is not null)
        {
            await WaitUntilAsync(() => Task.FromResult(meet.Arrived >= 1));
        }

        var second = Post(integrator, Complaints(1, 1));
        var results = (await ResultAsync(await first)).Results.Concat((await ResultAsync(await second)).Results).ToList();

        // Every transaction reaches the check once per attempt, the pending path too: two arrivals mean neither writer
        // tried again nor left its message to the pending path, so the case below is the savepoint re-plan's own work.
        Assert.True(meet is null || (meet.Met && meet.Arrived == 2), $"the writers met: {meet?.Met}, checks: {meet?.Arrived}");
        Assert.Equal(["accepted", "accepted"], results.Select(r => r.Status));
        var caseId = Assert.Single(results.Select(r => r.CaseId).Distinct())!.Value;
        var analyst = await server.ClientAsync(Role.Analyst);
        Assert.Single((await analyst.CasesAsync()).Items);
        Assert.Equal(2, (await analyst.CaseAsync(caseId))!.Case.MessageCount);

        // One opening, one join naming the message that joined; nothing of the undone case left behind.
        var events = (await analyst.EventsAsync(caseId))!;
        Assert.Single(events, e => e.Kind == EventKinds.Created);
        var joined = Assert.Single(events, e => e.Kind == EventKinds.MessageJoined);
        // Either message may be the one that joined (whichever writer checked second); its join, written after the
        // undo, is the case's last event.
        Assert.Contains(joined.After, results.Select(r => r.MessageId.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(joined, events[^1]);
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(0, await session.CountPendingAsync());
        Assert.Equal(1L, Count(await session.ScalarAsync("SELECT COUNT(*) FROM cases", default)));
        Assert.Equal(events.Count, Count(await session.ScalarAsync("SELECT COUNT(*) FROM case_events", default)));
        Assert.Equal(2L, Count(await session.ScalarAsync("SELECT COUNT(*) FROM messages", default)));
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
