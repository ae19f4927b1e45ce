using ClosedXML.Excel;
using Otklik.Cli.Ratings;
using Otklik.Ratings.Engine;
using Otklik.Ratings.Output;
using Otklik.Ratings.Results;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Cli;

public class RatingsOutputTests
{
    private static RatingsReport Report()
    {
        var method = Method([Indicator(IndicatorCatalog.FirstReplyMedian)], new Dictionary<string, double> { [IndicatorCatalog.FirstReplyMedian] = 1 }, replicates: 50);
        var engine = new RatingsEngine(method, [Q1.Previous(), Q1]);
        engine.Add(Case("Комитет, \"А\"", At(1, 5), 2));
        engine.Add(Case("Б", At(1, 5, 1), 20));
        engine.Add(Case("Б", new DateTimeOffset(2020, 11, 5, 0, 0, 0, Moscow), 1));
        engine.Add(Case("Комитет, \"А\"", new DateTimeOffset(2020, 11, 5, 1, 0, 0, Moscow), 30));
        return engine.Compute();
    }

    [Fact]
    public void The_xlsx_holds_the_ratings_the_breakdown_and_the_notes_in_a_real_workbook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.xlsx");
        try
        {
            RatingsXlsx.Write(Report(), path);

            using var workbook = new XLWorkbook(path);
            Assert.Equal(["Рейтинг", "Разбивка", "Примечания"], workbook.Worksheets.Select(w => w.Name));
            var ratings = workbook.Worksheet("Рейтинг");
            Assert.Equal("name", ratings.Cell(1, 7).GetString());
            Assert.Equal("Body Комитет, \"А\"", ratings.Cell(2, 7).GetString());
            Assert.Equal(1, ratings.Cell(2, 3).GetValue<int>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void History_shows_the_climb_from_last_period_and_csv_quotes_names()
    {
        var report = Report();
        var a = report.AllEntities.Single(e => e.Id.StartsWith("Комитет", StringComparison.Ordinal));

        Assert.Equal(["2020-Q4", "2021-Q1"], a.History.Select(h => h.Period));
        Assert.Equal((2, 1), (a.History[0].Rank!.Value, a.Rank!.Value));
        Assert.Equal(1, a.RankChange);
        Assert.Equal(100, a.ScoreChange);

        var csv = new StringWriter();
        RatingsCsv.Write(report, csv);
        Assert.Contains("\"Комитет, \"\"А\"\"\"", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"rank\": 1", RatingsJson.ToJson(report).Replace("\"rank\":1", "\"rank\": 1", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
