using System.Text;
using Otklik.Ingest;
using Otklik.Storage;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_file_with_broken_lines_imports_the_good_ones_and_quarantines_the_rest_with_line_numbers()
    {
        var file = Temp.Write("mixed.jsonl", BrokenJsonLines());

        var summary = await ImportAsync(file);

        Assert.Equal((8L, 2L, 0L, 6L), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        var quarantine = (await Store.ListQuarantineAsync(100, CancellationToken.None)).OrderBy(q => q.Line).ToList();
        Assert.Equal([2L, 3L, 4L, 5L, 6L, 7L], quarantine.Select(q => q.Line));
        Assert.All(quarantine, q => Assert.Equal(file, q.Source));
        Assert.Contains("broken JSON", quarantine[0].Reason);
        Assert.Contains("UTF-8", quarantine[1].Reason);
        Assert.Contains("\"text\" is missing", quarantine[2].Reason);
        Assert.Contains("\"text\" must be a string", quarantine[3].Reason);
        Assert.Contains("longer than", quarantine[4].Reason);
        Assert.Contains("\"channel\" is missing", quarantine[5].Reason);
        Assert.All(quarantine, q => Assert.True(q.Excerpt is null || q.Excerpt.Length <= QuarantineEntry.MaxExcerptChars));
    }

    [Fact]
    public async Task A_csv_file_with_bad_records_quarantines_them_with_line_numbers_and_keeps_the_rest()
    {
        var bytes = Encoding.UTF8.GetBytes("1,\"Нет света\nвторой день\",Электричество,Администрация города Курска,3\n2,только два\n")
            .Concat(new byte[] { (byte)'3', (byte)',', 0xC3, 0x28, (byte)',', (byte)'T', (byte)',', (byte)'B', (byte)'\n' })
            .Concat(Encoding.UTF8.GetBytes("4,,Тема,Орган\n5,Яма,Дороги,Комитет\n"))
            .ToArray();
        var file = Temp.Write("kursk.csv", bytes);

        var summary = await ImportAsync(file, ImportSpec.Kursk());

        Assert.Equal((5L, 2L, 3L), (summary.Read, summary.Imported, summary.Quarantined));
        var lines = (await Store.ListQuarantineAsync(100, CancellationToken.None)).Select(q => q.Line).Order().ToList();
        Assert.Equal([3L, 4L, 5L], lines);
    }

    [Fact]
    public async Task A_bad_import_harms_nothing_already_stored()
    {
        await ImportAsync(Temp.Write("good.jsonl", """
            {"channel":"vk","external_id":"1","text":"Первое","topic":"Дороги","executor":"Комитет дорожного хозяйства"}
            {"channel":"vk","external_id":"2","text":"Второе"}

            """));
        var before = await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None);

        var summary = await ImportAsync(Temp.Write("bad.jsonl", """
            {"channel":"vk","external_id":"1","text":"Подмена текста","topic":"Другое"}
            {"channel":"vk","external_id":"2","text":
            {"channel":"vk","external_id":"3","text":"Третье"}

            """));

        Assert.Equal((3L, 1L, 1L, 1L), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        var after = await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None);
        Assert.Equal(before.Items, after.Items.Where(c => before.Items.Any(b => b.Id == c.Id)));
        var first = Assert.Single(await Store.ListCaseMessagesAsync(before.Items.Single(c => c.Topic == "Дороги").Id, CancellationToken.None));
        Assert.Equal("Первое", first.Text);
        Assert.Equal(new StoreCounts(3, 3, 1, 1), await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Duplicates_within_a_batch_and_across_batches_are_stored_once()
    {
        var lines = new StringBuilder();
        foreach (var id in new[] { 1, 2, 1, 3, 4, 2, 5, 1 })
        {
            lines.Append($$"""{"channel":"tg","external_id":{{id}},"text":"Сообщение {{id}}"}""").Append('\n');
        }

        var summary = await ImportAsync(Temp.Write("dups.jsonl", lines.ToString()), batchSize: 3);

        Assert.Equal((8L, 5L, 3L, 0L), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        Assert.Equal(5, (await Store.CountAsync(CancellationToken.None)).Cases);
    }

    [Fact]
    public async Task Quarantine_keeps_one_entry_per_file_line_when_an_import_is_run_again()
    {
        var file = Temp.Write("bad.jsonl", "not json\n{\"channel\":\"vk\",\"external_id\":\"1\",\"text\":\"ok\"}\n");

        await ImportAsync(file);
        var again = await ImportAsync(file);

        Assert.Equal(1, again.Quarantined);
        Assert.Single(await Store.ListQuarantineAsync(100, CancellationToken.None));
    }

    private static byte[] BrokenJsonLines()
    {
        var text = new StringBuilder()
            .Append("""{"channel":"vk","external_id":"1","text":"Хорошее","author":"Иван Петров"}""").Append('\n')
            .Append("""{"channel":"vk","external_id":"2","text":"сломанный""").Append('\n');
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"channel\":\"vk\",\"external_id\":\"3\",\"text\":\""));
        bytes.AddRange(new byte[] { 0xD0, 0x28, 0xFF });
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"channel":"vk","external_id":"4"}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"channel":"vk","external_id":"5","text":5}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"channel\":\"vk\",\"external_id\":\"6\",\"text\":\""));
        bytes.AddRange(Enumerable.Repeat((byte)'a', 10 * 1024 * 1024));
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"external_id":"7","text":"Без канала"}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"channel":"vk","external_id":"8","text":"Тоже хорошее"}""" + "\n"));
        return bytes.ToArray();
    }
}
