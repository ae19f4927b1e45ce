using Otklik.Model;
using Otklik.Ratings.Input;

namespace Otklik.Tests.Ratings;

public class CaseFactsJsonLinesTests
{
    [Fact]
    public void The_documented_example_reads_and_a_bad_status_names_its_field()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepoRoot(), "docs", "ratings", "case-facts-format.md"));
        var example = doc.Split('\n').Single(line => line.StartsWith("{\"caseId\"", StringComparison.Ordinal));
        var text = example + "\n" + example.Replace("\"answered\"", "\"done\"", StringComparison.Ordinal) + "\n";

        var records = CaseFactsJsonLines.Read(new StringReader(text), "cases.jsonl").ToList();

        var fact = records[0].Fact!;
        Assert.Equal(("adm-kolpino", "regional", CaseStatus.Answered), (fact.BodyId, fact.Category, fact.Status));
        Assert.Equal(new DateTimeOffset(2021, 1, 10, 15, 20, 0, TimeSpan.FromHours(3)), fact.FirstReplyAt);
        Assert.Null(fact.ResolvedAt);
        Assert.Equal("cases.jsonl:2: status: \"done\" is not one of new, assigned, in-progress, answered, closed, rejected, reopened", records[1].Problem!.ToString());
    }
}
