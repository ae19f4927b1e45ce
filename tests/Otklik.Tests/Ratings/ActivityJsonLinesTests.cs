using Otklik.Ratings.Input;
using Otklik.Ratings.Method;

namespace Otklik.Tests.Ratings;

public class ActivityJsonLinesTests
{
    [Fact]
    public void The_documented_sample_reads_without_problems()
    {
        var path = Path.Combine(SharedData.RepoRoot(), "docs", "ratings", "activity-sample.jsonl");

        var records = ActivityJsonLines.ReadFile(path).ToList();

        Assert.DoesNotContain(records, r => r.Problem is not null);
        Assert.Contains(records, r => r.Account is { Simulated: true });
        Assert.Contains(records, r => r.Event is { Kind: ActivityKind.Reply, ReplyTo: not null });
    }

    [Fact]
    public void A_bad_line_names_its_line_and_field_and_reading_goes_on()
    {
        var text = """
            {"type":"post","account":"a","id":"1","at":"2021-01-10T09:00:00+03:00","views":10}
            {"type":"post","account":"a","id":"2","at":"yesterday"}
            {"type":"video","account":"a","id":"3","at":"2021-01-10T09:00:00+03:00"}
            {"type":"post","account":"a","id":"4","at":"2021-01-11T09:00:00+03:00","views":"many"}
            {"type":"reply","account":"a","id":"5","at":"2021-01-11T09:00:00+03:00","replyTo":"c1"}
            """;

        var records = ActivityJsonLines.Read(new StringReader(text), "activity.jsonl").ToList();

        Assert.Equal(5, records.Count);
        Assert.Equal(("at", 2L), (records[1].Problem!.Field, records[1].Problem!.Line));
        Assert.Equal("type", records[2].Problem!.Field);
        Assert.Equal("views", records[3].Problem!.Field);
        Assert.Equal("activity.jsonl:4: views: must be a whole number", records[3].Problem!.ToString());
        Assert.Equal("c1", records[4].Event!.ReplyTo);
    }

    [Fact]
    public void The_shipped_methodology_loads_and_a_bad_one_says_what_to_fix()
    {
        var method = Methodology.Default();
        Assert.Equal("1", method.Version);
        Assert.Equal(method, Methodology.Load(Path.Combine(SharedData.RepoRoot(), "data", "ratings", "methodology-v1.json")) with { Indicators = method.Indicators, Categories = method.Categories, Nominations = method.Nominations });

        var bad = File.ReadAllText(Path.Combine(SharedData.RepoRoot(), "data", "ratings", "methodology-v1.json"))
            .Replace("\"first_reply_p90_h\"", "\"first_reply_p99_h\"", StringComparison.Ordinal);
        var error = Assert.Throws<Otklik.Ratings.RatingsException>(() => Methodology.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad)), "bad.json"));
        Assert.Contains("first_reply_p99_h", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_parse_and_step_back()
    {
        var q1 = RatingPeriod.TryParse("2021-Q1")!;

        Assert.Equal("2020-Q4", q1.Previous().Name);
        Assert.Equal(new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.FromHours(3)), q1.End);
        Assert.Equal("2020", RatingPeriod.TryParse("2021")!.Previous().Name);
        Assert.Null(RatingPeriod.TryParse("2021-Q5"));
    }
}
