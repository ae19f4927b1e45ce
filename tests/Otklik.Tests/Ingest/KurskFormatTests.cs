using Otklik.Ingest;

namespace Otklik.Tests.Ingest;

public class KurskFormatTests
{
    [Fact]
    public void Quoted_fields_keep_newlines_and_doubled_quotes_and_lines_are_counted()
    {
        var csv = "1,\"Нет \"\"света\"\"\nвторой день\",Электричество,Администрация,3\n2,Яма,Дороги,Комитет\n";

        var rows = KurskFormat.Read(new StringReader(csv)).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Нет \"света\"\nвторой день", rows[0].Appeal!.Text);
        Assert.Equal("3", rows[0].Appeal!.Group);
        Assert.Equal(1, rows[0].Line);
        Assert.Null(rows[1].Appeal!.Group);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void A_bad_record_is_reported_with_its_line_and_the_next_ones_are_read()
    {
        var csv = "1,Текст,Тема,Орган\n2,только два\n3,Ещё,Тема,Орган\n";

        var rows = KurskFormat.Read(new StringReader(csv)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows[1].Line);
        Assert.Contains("expected 4 or 5 columns", rows[1].Error);
        Assert.Equal("3", rows[2].Appeal!.Id);
    }

    [Fact]
    public void A_record_over_the_size_limit_is_skipped_without_losing_the_next()
    {
        var csv = "1," + new string('я', 5000) + ",Тема,Орган\n2,Ещё,Тема,Орган\n";
        var reader = new CsvRecordReader(new StringReader(csv), maxRecordChars: 1000);

        var first = reader.Read()!;
        var second = reader.Read()!;

        Assert.Null(first.Record);
        Assert.Contains("longer than", first.Error);
        Assert.Equal("2", second.Record!.Fields[0]);
        Assert.Equal(2, second.Line);
    }

    [Fact]
    public void The_shared_kursk_file_reads_into_two_thousand_labeled_appeals()
    {
        var path = SharedData.Path("appeals/kursk-train.csv");

        var rows = KurskFormat.ReadFile(path).ToList();

        Assert.Equal(2000, rows.Count(r => r.Appeal is not null));
        Assert.All(rows, r => Assert.Null(r.Error));
    }
}
