using Otklik.Access;
using Otklik.Processing;
using Otklik.Ratings.Method;
using Otklik.Server.Ratings;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_ratings_report_read_while_a_writer_was_in_flight_is_computed_again_once_it_commits_below_the_mark()
    {
        if (await StartOnPostgresWithOneCaseAsync() is not var (server, integrator))
        {
            // SQLite's one writer commits ids in order: a committed case always moves the mark.
            return;
        }

        var ratings = server.Service<LiveRatings>();
        var period = RatingPeriod.TryParse(ratings.CurrentPeriod)!;
        var (inside, release) = HoldFirstWriterAtItsCheck(server);

        // The held writer took its case and event ids first; the other writer's, higher, commit before it.
        var late = Post(integrator, Api.Message(Different[1], body: "Администрация"));
        await inside.WaitAsync(TimeSpan.FromSeconds(10));
        await integrator.SendBatchAsync(Api.Message(Different[2], topic: "Вывоз мусора", body: "Администрация"));
        var during = await ratings.ReportAsync(period, default);
        release.SetResult();
        await ResultAsync(await late);

        // The late case leaves the highest ids as they were: only the mark's being settled now tells the report is old.
        var after = await ratings.ReportAsync(period, default);
        Assert.NotSame(during, after);
        Assert.Same(after, await ratings.ReportAsync(period, default));
    }
}
