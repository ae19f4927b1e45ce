using System.Globalization;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Labeled_cases_are_read_with_their_first_message_also_one_attached_later_and_one_whose_case_has_none_recorded_yet()
    {
        // The lowest id of all: a pending message, attached to the first case after the import, becomes its first message.
        await ExecuteRawAsync("INSERT INTO messages (channel, external_id, text, received_at) VALUES ('vk', 'early', 'Ранний текст', '2025-01-01T00:00:00.000000Z')");
        var labeled = new[] { "Не горят фонари на улице Красной", "Яма на дороге у школы", "Не вывозят мусор" }
            .Select((text, i) => new IncomingMessage("kursk", "l" + i, text, null, "p" + i, Now, null, null, null, null, null,
                new CaseLabels("ЖКХ", "тема " + i, "Комитет ЖКХ"), 1)).ToList();
        await Store.ImportBatchAsync(new ImportBatch(labeled, [], "import:test", Now), CancellationToken.None);
        var cases = (await QueryRawAsync(Database, "SELECT id FROM cases ORDER BY id")).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, cases.Count);

        // Later messages in every case, with higher ids; the third case's first message not recorded on its row, as for a
        // case another writer inserts before its messages while a bulk-load window has the triggers dropped.
        await ExecuteRawAsync(string.Join(' ', cases.Select((id, i) => string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO messages (channel, external_id, text, received_at, case_id) VALUES ('vk', 'later{i}', 'Дополнение {i}', '2025-01-01T00:00:00.000000Z', {id});"))));
        await ExecuteRawAsync(string.Create(CultureInfo.InvariantCulture, $"UPDATE messages SET case_id = {cases[0]} WHERE external_id = 'early'"));
        await ExecuteRawAsync(string.Create(CultureInfo.InvariantCulture, $"UPDATE cases SET first_message_id = NULL, first_author_id = NULL WHERE id = {cases[2]}"));

        await using var session = await new CaseDatabase(SqlDialect.FromDb(Database)).OpenAsync(write: false);
        var read = await session.LabeledCasesAsync();

        Assert.Equal(
            [(cases[0], "Ранний текст", "тема 0"), (cases[1], labeled[1].Text, "тема 1"), (cases[2], labeled[2].Text, "тема 2")],
            read.Select(a => (long.Parse(a.Id, CultureInfo.InvariantCulture), a.Text, a.Topic)));
        Assert.All(read, a => Assert.Equal(("Комитет ЖКХ", "ЖКХ"), (a.Executor, a.Group)));
    }

    [Fact]
    public async Task An_unclassified_case_whose_first_message_is_not_recorded_yet_is_still_read_for_the_classifier()
    {
        var imported = new[] { "Не горят фонари на улице Красной", "Яма на дороге у школы" }
            .Select((text, i) => new IncomingMessage("kursk", "u" + i, text, null, "p" + i, Now, null, null, null, null, null, null, 1)).ToList();
        await Store.ImportBatchAsync(new ImportBatch(imported, [], "import:test", Now), CancellationToken.None);
        var cases = (await QueryRawAsync(Database, "SELECT id FROM cases ORDER BY id")).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();

        // As for a case another writer inserts before its messages while a bulk-load window has the triggers dropped.
        await ExecuteRawAsync(string.Create(CultureInfo.InvariantCulture, $"UPDATE cases SET first_message_id = NULL, first_author_id = NULL WHERE id = {cases[1]}"));

        await using var session = await new CaseDatabase(SqlDialect.FromDb(Database)).OpenAsync(write: false);
        Assert.Equal([(cases[0], imported[0].Text), (cases[1], imported[1].Text)],
            (await session.UnclassifiedCasesAsync(0, 10)).Select(c => (c.Id, c.Text)));
    }
}
