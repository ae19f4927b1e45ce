using Otklik.Access;
using Otklik.Processing;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

/// <summary>
/// The arrival path's search vectors (PostgreSQL computes them ahead, outside the write transaction, and the insert
/// keeps them; SQLite's index is filled at commit): a message is found the same whichever way its vector was made.
/// </summary>
public abstract partial class ServerContract
{
    [Fact]
    public async Task A_batch_written_on_arrival_is_found_by_full_text_search_in_another_word_form()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        var sent = await integrator.SendBatchAsync(
            Api.Message("Во дворе не горят фонари, темно", "Освещение", "Администрация"),
            Api.Message("Сломан лифт во втором подъезде", "Лифты", "Администрация"));

        var found = await integrator.CasesAsync("q=" + Uri.EscapeDataString("фонарей"));
        Assert.Equal([sent.Results[0].CaseId!.Value], found.Items.Select(c => c.Id));
        var lift = await integrator.CasesAsync("q=" + Uri.EscapeDataString("лифта"));
        Assert.Equal([sent.Results[1].CaseId!.Value], lift.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Search_finds_words_written_with_yo_when_typed_with_ye_and_the_other_way_round()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        // Residents write "ё" or "е" as they please; a search must find both spellings, whichever one is typed.
        var sent = await integrator.SendBatchAsync(
            Api.Message("Во дворе у машин снимают колёса, ЁЛКИ сломаны", "Благоустройство", "Администрация"),
            Api.Message("Опять бьют стекла и колеса во дворе", "Благоустройство", "Администрация"));
        long[] both = [sent.Results[1].CaseId!.Value, sent.Results[0].CaseId!.Value];

        foreach (var typed in new[] { "колёса", "колеса", "КОЛЁС" })
        {
            Assert.Equal(both, (await integrator.CasesAsync("q=" + Uri.EscapeDataString(typed))).Items.Select(c => c.Id));
        }

        Assert.Equal([both[1]], (await integrator.CasesAsync("q=" + Uri.EscapeDataString("елки"))).Items.Select(c => c.Id));
        Assert.Equal([both[1]], (await integrator.CasesAsync("q=" + Uri.EscapeDataString("ёлки"))).Items.Select(c => c.Id));

        // Retention blanks a text: SQLite's index must be told to delete exactly the folded text it holds, or FTS5 keeps
        // stale terms without an error; its integrity check against the content (rank 1) compares the two.
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            await session.ExecuteAsync("UPDATE messages SET text = '' WHERE case_id = @id", default, ("id", both[1]));
            if (server.Database.Dialect.Name == "sqlite")
            {
                await session.ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)", default);
            }

            await session.CommitAsync();
        }

        Assert.Equal([both[0]], (await integrator.CasesAsync("q=" + Uri.EscapeDataString("колеса"))).Items.Select(c => c.Id));
        Assert.Empty((await integrator.CasesAsync("q=" + Uri.EscapeDataString("ёлки"))).Items);
    }

    [Fact]
    public async Task A_message_stored_without_a_vector_given_still_gets_one_from_the_database()
    {
        var server = await StartAsync();
        var reader = await server.ClientAsync(Role.Analyst);
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            // The pending path (and any writer but the arrival path) gives no vector: the insert trigger computes it.
            await session.InsertMessagesAsync([new NewMessage("test", "p1", "Не вывозят мусор с площадки", TestServer.Start)]);
            await session.CommitAsync();
        }

        await server.Service<MessageProcessor>().ProcessPendingAsync();

        Assert.Single((await reader.CasesAsync("q=" + Uri.EscapeDataString("мусора"))).Items);
    }

    [Fact]
    public async Task Search_vectors_computed_ahead_are_the_ones_the_database_computes_itself()
    {
        var server = await StartAsync();
        string[] texts = ["Не горят фонари на улице Ленина", "Ёлка во дворе упала, дети не могут пройти", "12345 !!! ..."];
        await using var session = await server.Database.OpenAsync(write: false);

        var ahead = await session.SearchVectorsAsync(texts);

        if (server.Database.Dialect is not PostgresDialect)
        {
            Assert.Null(ahead);
            return;
        }

        foreach (var (text, vector) in texts.Zip(ahead!))
        {
            var own = await session.ScalarAsync($"SELECT {SearchVectorSchema.VectorOfText}::text FROM (SELECT @t AS text) m", default, ("t", text));
            Assert.Equal(own, vector);
        }
    }
}
