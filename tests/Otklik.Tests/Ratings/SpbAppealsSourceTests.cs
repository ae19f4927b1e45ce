using System.IO.Compression;
using Otklik.Model;
using Otklik.Ratings.Sources;

namespace Otklik.Tests.Ratings;

public class SpbAppealsSourceTests
{
    private static string Slice(int lines)
    {
        using var gzip = new GZipStream(File.OpenRead(SharedData.Path("appeals/spb-appeals.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return string.Join('\n', Enumerable.Range(0, lines).Select(_ => reader.ReadLine()));
    }

    [Fact]
    public void The_first_real_appeal_becomes_a_case_fact_with_its_real_timeline_in_Moscow_time()
    {
        var facts = new SpbAppealsSource().Read(new StringReader(Slice(200)), "slice").ToList();
        var first = facts[0];

        Assert.Equal("2947909", first.CaseId);
        Assert.Equal("Администрация Приморского района", first.BodyId);
        Assert.Equal("regional", first.Category);
        Assert.Equal("Неудовлетворительное состояние парадной", first.Topic);
        Assert.Equal(new DateTimeOffset(2020, 10, 18, 14, 50, 40, 817, TimeSpan.FromHours(3)).AddTicks(6760), first.CreatedAt);
        Assert.Equal(new DateTime(2020, 10, 22, 16, 33, 46), first.FirstReplyAt!.Value.DateTime.AddTicks(-first.FirstReplyAt.Value.DateTime.Ticks % TimeSpan.TicksPerSecond));
        Assert.Equal(first.FirstReplyAt, first.FullAnswerAt);
        Assert.Equal(new DateTime(2020, 11, 13, 1, 30, 54), first.ResolvedAt!.Value.DateTime.AddTicks(-first.ResolvedAt.Value.DateTime.Ticks % TimeSpan.TicksPerSecond));
        Assert.Equal(CaseStatus.Closed, first.Status);
        Assert.Equal(first.CreatedAt.AddDays(8), first.FirstReplyDue);
        Assert.Equal(first.CreatedAt.AddDays(30), first.AnswerDue);
        Assert.Null(first.Author);
        Assert.True(facts.Count > 150);
    }

    [Fact]
    public void The_same_text_on_the_same_topic_at_the_same_place_within_a_day_is_one_case()
    {
        var line = Slice(1);
        var source = new SpbAppealsSource();

        var facts = source.Read(new StringReader(line + "\n" + line.Replace("2947909", "2947910", StringComparison.Ordinal)), "twice").ToList();

        Assert.Single(facts);
        Assert.Equal(1, source.Duplicates);
    }

    [Fact]
    public void A_broken_line_is_reported_with_its_line_number_and_the_rest_is_read()
    {
        var lines = Slice(3).Split('\n');
        var source = new SpbAppealsSource();

        var facts = source.Read(new StringReader(lines[0] + "\n{\"id\": 5, \"petitions\": [{\"dt\": \"not a time\"}], \"answers\": [], \"statuses\": []}\n" + lines[2]), "bad").ToList();

        Assert.Equal(2, facts.Count);
        var problem = Assert.Single(source.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("petitions[0].dt", problem.Field);
    }

    [Fact]
    public void Executors_are_sorted_into_categories()
    {
        Assert.Equal("regional", SpbAppealsSource.CategoryOf("СПб ГКУ ЖА Невского района"));
        Assert.Equal("regional", SpbAppealsSource.CategoryOf("Комитет по благоустройству Санкт-Петербурга"));
        Assert.Equal("municipal", SpbAppealsSource.CategoryOf("Местная администрация МО Сосновая Поляна"));
        Assert.Equal("federal", SpbAppealsSource.CategoryOf("Управление ГИБДД ГУ МВД России по СПб и ЛО"));
    }
}
