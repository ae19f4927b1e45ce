using System.Text;
using Otklik.Ingest;
using Otklik.Model;
using Otklik.Storage;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_message_keeps_every_field_of_the_format_and_its_author_only_as_a_pseudonym()
    {
        await ImportAsync(Temp.Write("full.jsonl", """
            {"channel":"vk","external_id":"wall-1_5","text":"<p>Яма&nbsp;у дома</p>","url":"https://vk.com/wall-1_5","author":"Иван Петров","received_at":"2026-02-01T10:00:00+03:00","posted_at":"2026-02-01T09:59:30Z","account":"club1","reply_to":"wall-1_4","geo":{"lat":51.73,"lon":36.19},"address":"Курск, ул. Ленина, 1","topic":"Дороги","topic_group":3,"executor":"Комитет дорожного хозяйства города Курска","extra":{"ignored":true}}
            {"channel":"vk","external_id":"wall-1_6","text":"Ещё","author":"Иван Петров"}

            """));

        var cases = (await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None)).Items.OrderBy(c => c.Id).ToList();
        var message = Assert.Single(await Store.ListCaseMessagesAsync(cases[0].Id, CancellationToken.None));
        var other = Assert.Single(await Store.ListCaseMessagesAsync(cases[1].Id, CancellationToken.None));

        Assert.Equal("<p>Яма&nbsp;у дома</p>", message.Text);
        Assert.Equal("https://vk.com/wall-1_5", message.Url);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 7, 0, 0, TimeSpan.Zero), message.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 59, 30, TimeSpan.Zero), message.PostedAt);
        Assert.Equal("club1", message.AccountHandle);
        Assert.Equal("wall-1_4", message.ReplyToExternalId);
        Assert.Equal(new GeoPoint(51.73, 36.19), message.Geo);
        Assert.Equal("Курск, ул. Ленина, 1", message.Address);
        Assert.StartsWith("a_", message.AuthorId);
        Assert.DoesNotContain("Иван", message.AuthorId);
        Assert.Equal(message.AuthorId, other.AuthorId);
        Assert.Equal(("3", "Дороги", "input"), (cases[0].TopicGroup, cases[0].Topic, cases[0].LabelSource));
        Assert.Null(cases[1].LabelSource);
        Assert.Null(cases[1].BodyId);
        Assert.Equal(Now, other.ReceivedAt);
    }

    [Fact]
    public async Task Cases_are_listed_newest_first_in_pages_with_a_cursor_and_filters()
    {
        var lines = new StringBuilder();
        for (var i = 1; i <= 5; i++)
        {
            lines.Append($$"""{"channel":"vk","external_id":"{{i}}","text":"Текст {{i}}","topic_group":"{{i % 2}}"}""").Append('\n');
        }

        await ImportAsync(Temp.Write("five.jsonl", lines.ToString()));

        var first = await Store.ListCasesAsync(new CaseQuery(Limit: 2), CancellationToken.None);
        var second = await Store.ListCasesAsync(new CaseQuery(Cursor: first.NextCursor, Limit: 2), CancellationToken.None);
        var third = await Store.ListCasesAsync(new CaseQuery(Cursor: second.NextCursor, Limit: 2), CancellationToken.None);
        var odd = await Store.ListCasesAsync(new CaseQuery(TopicGroup: "1", Status: CaseStatus.New), CancellationToken.None);

        var ids = first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Id).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Null(third.NextCursor);
        Assert.Single(third.Items);
        Assert.Equal(3, odd.Items.Count);
        Assert.Null(await Store.GetCaseAsync(-1, CancellationToken.None));
        Assert.Equal(first.Items[0], await Store.GetCaseAsync(first.Items[0].Id, CancellationToken.None));
    }

    [Fact]
    public async Task Case_events_are_append_only()
    {
        await ImportAsync(Temp.Write("one.jsonl", """{"channel":"vk","external_id":"1","text":"Текст"}""" + "\n"));

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE case_events SET actor = 'someone else'"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM case_events"));

        var page = await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None);
        Assert.Equal("import:one.jsonl", Assert.Single(await Store.ListCaseEventsAsync(page.Items[0].Id, CancellationToken.None)).Actor);
    }

    [Fact]
    public async Task Bodies_are_matched_by_folded_name_updated_in_place_and_linked_to_their_parents()
    {
        var federal = new Body(0, "Федеральная служба по надзору в сфере защиты прав потребителей", "Роспотребнадзор", BodyLevel.Federal, null, null, Territory.Unknown, null);
        var office = new Body(0, "Управление Роспотребнадзора по Курской области", null, BodyLevel.Federal, "46", null, new Territory("46", "Курская область"), "+7 4712 00-00-00");
        await Store.UpsertBodiesAsync([new BodyEntry(office, federal.Name), new BodyEntry(federal, null)], CancellationToken.None);

        var outcome = await Store.UpsertBodiesAsync(
            [new BodyEntry(office with { Name = "  управление роспотребнадзора по курской области.", Contacts = "new" }, federal.Name)],
            CancellationToken.None);

        Assert.Equal(new BodyUpsertOutcome(0, 1), outcome);
        var bodies = await Store.ListBodiesAsync(CancellationToken.None);
        Assert.Equal(2, bodies.Count);
        var parent = bodies.Single(b => b.ShortName == "Роспотребнадзор");
        var child = bodies.Single(b => b.Id != parent.Id);
        Assert.Equal(parent.Id, child.ParentId);
        Assert.Equal("new", child.Contacts);
        Assert.Equal(new Territory("46", "Курская область"), child.Territory);

        await ImportAsync(Temp.Write("m.jsonl", """{"channel":"vk","external_id":"1","text":"Просрочка","executor":"УПРАВЛЕНИЕ РОСПОТРЕБНАДЗОРА ПО КУРСКОЙ ОБЛАСТИ"}""" + "\n"));
        var only = Assert.Single((await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None)).Items);
        Assert.Equal(child.Id, only.BodyId);
        Assert.Equal(2, (await Store.CountAsync(CancellationToken.None)).Bodies);
    }

    [Fact]
    public async Task A_csv_with_a_header_and_a_column_map_by_name_imports_with_the_given_channel()
    {
        var file = Temp.Write("portal.csv", "номер,сообщение,когда\n17,\"Нет воды\",2026-01-05T08:00:00Z\n18,Нет света,\n");
        var spec = new ImportSpec(Map: ColumnMap.Parse("external_id=номер,text=сообщение,received_at=когда"), Header: true, Channel: "portal");

        var summary = await ImportAsync(file, spec);

        Assert.Equal(2, summary.Imported);
        var cases = (await Store.ListCasesAsync(new CaseQuery(), CancellationToken.None)).Items.OrderBy(c => c.Id).ToList();
        var message = Assert.Single(await Store.ListCaseMessagesAsync(cases[0].Id, CancellationToken.None));
        Assert.Equal(("portal", "17", "Нет воды"), (message.Channel, message.ExternalId, message.Text));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), message.ReceivedAt);
    }
}
