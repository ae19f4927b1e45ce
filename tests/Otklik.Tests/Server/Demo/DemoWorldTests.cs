using Otklik.Server.Demo;
using Otklik.Tests.Support;

namespace Otklik.Tests.Server.Demo;

public sealed class DemoWorldTests
{
    [Fact]
    public void The_simulated_clock_stands_still_while_history_is_filled_then_runs_faster()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new SimulatedClock(start, speed: 3600);

        clock.Set(start.AddHours(5));
        clock.Set(start.AddHours(1));
        Assert.Equal(start.AddHours(5), clock.GetUtcNow());

        clock.Run();
        Thread.Sleep(50);
        Assert.True(clock.GetUtcNow() >= start.AddHours(5).AddSeconds(100));
    }

    [Fact]
    public void Delays_come_from_the_shipped_real_timelines()
    {
        var delays = DelayDistribution.Load(Path.Combine(SharedData.RepoRoot(), "data", "demo", "response-delays.csv"));
        var random = new Random(1);

        var answers = Enumerable.Range(0, 2000).Select(_ => delays.Answer(random).TotalHours).Order().ToList();

        // The Saint Petersburg portal's median time to an answer is about 182 hours.
        Assert.InRange(answers[1000], 140, 230);
        Assert.All(answers, h => Assert.True(h > 0));
        Assert.InRange(delays.ReopenedShare, 0.01, 0.1);
    }
}
