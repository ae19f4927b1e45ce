using Otklik.Cases;
using Otklik.Model;
using Otklik.Ratings.Sources;
using Otklik.Storage.Cases;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Ratings.Sources;

/// <summary>
/// The first author and the reopened/reassigned counts the facts read from the case row: kept by the database whatever
/// order a write path takes, and backfilled for rows written before the columns existed.
/// </summary>
public abstract partial class StoreCaseFactsContract
{
    [Fact]
    public async Task Events_and_messages_written_the_way_the_workflow_writes_them_reach_the_facts()
    {
        var db = await NewDatabaseAsync();
        var database = await CaseDatabase.OpenAsync(db);
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            await AddBodyAsync(session);
            // The processor's order: the messages are stored pending, the case created, then the messages attached.
            var stored = await session.InsertMessagesAsync([
                new NewMessage("test", "m1", "текст", At(1, 10), AuthorId: "p-first"),
                new NewMessage("test", "m2", "текст", At(1, 10, 1), AuthorId: "p-second")]);
            var caseId = (await session.CreateCasesAsync([NewCaseOf(At(1, 10))]))[0];
            await session.AttachMessagesAsync([(stored[1].MessageId, caseId)]);
            await session.AttachMessagesAsync([(stored[0].MessageId, caseId)]);
            await session.AddEventAsync(caseId, At(1, 11), "executor", EventKinds.Reassigned, "1", "1", "не наш");
            await session.AddEventAsync(caseId, At(1, 12), "resident", EventKinds.Reopened, "closed", "reopened", null);
            await session.AddEventAsync(caseId, At(1, 13), "executor", EventKinds.FirstReply, null, null, null);
            var untouched = (await session.CreateCasesAsync([NewCaseOf(At(1, 14))]))[0];
            var third = await session.InsertMessagesAsync([new NewMessage("test", "m3", "текст", At(1, 14), AuthorId: "p-third")]);
            await session.AttachMessagesAsync([(third[0].MessageId, untouched)]);
            await session.CommitAsync();
        }

        var read = StoreCaseFacts.Read(db, Q1.Start, Q1.End).Select(r => r.Fact!).ToList();

        Assert.Equal(["p-first", "p-third"], read.Select(f => f.Author));
        Assert.Equal([true, false], read.Select(f => f.Reopened));
        Assert.Equal([true, false], read.Select(f => f.Reassigned));
    }

    [Fact]
    public async Task A_message_stored_before_its_case_still_names_the_first_author()
    {
        var db = await NewDatabaseAsync();
        var database = await CaseDatabase.OpenAsync(db);
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            await AddBodyAsync(session);
            // The bulk import's order: the message row names a case id the next statement creates.
            await session.ExecuteAsync(
                "INSERT INTO messages (channel, external_id, author_id, text, received_at, case_id) VALUES ('test', 'm1', 'p-import', 'текст', @at, 77)",
                default, ("at", session.T(At(1, 10))));
            await session.ExecuteAsync(
                "INSERT INTO cases (id, body_id, status, created_at, updated_at) VALUES (77, 1, 'new', @at, @at)",
                default, ("at", session.T(At(1, 10))));
            await session.CommitAsync();
        }

        var fact = Assert.Single(StoreCaseFacts.Read(db, Q1.Start, Q1.End)).Fact!;

        Assert.Equal("p-import", fact.Author);
    }

    [Fact]
    public async Task Messages_inserted_with_their_case_in_one_statement_name_the_lowest_id_as_first_author()
    {
        var db = await NewDatabaseAsync();
        var database = await CaseDatabase.OpenAsync(db);
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            await AddBodyAsync(session);
            // The arrival path's order: the case first, then its messages, all in one insert (PostgreSQL's first-message
            // trigger runs once per statement over the inserted rows); the higher id comes first in the statement.
            var caseId = (await session.CreateCasesAsync([NewCaseOf(At(1, 10))]))[0];
            await session.InsertMessagesAsync(
                [new NewMessage("test", "m2", "текст", At(1, 10), AuthorId: "p-second"), new NewMessage("test", "m1", "текст", At(1, 10), AuthorId: "p-first")],
                [caseId, caseId], [200, 100]);
            await session.InsertMessagesAsync([new NewMessage("test", "m0", "текст", At(1, 10), AuthorId: "p-earliest")], [caseId], [50]);
            await session.InsertMessagesAsync([new NewMessage("test", "m3", "текст", At(1, 10), AuthorId: "p-later")], [caseId], [300]);
            await session.CommitAsync();
        }

        var fact = Assert.Single(StoreCaseFacts.Read(db, Q1.Start, Q1.End)).Fact!;

        Assert.Equal("p-earliest", fact.Author);
    }

    [Fact]
    public async Task A_store_written_before_the_case_row_columns_is_backfilled_when_migrated()
    {
        var db = await NewDatabaseAsync();
        var facts = Facts();
        await OlderSchema.MigrateToAsync(new CaseDatabase(SqlDialect.FromDb(db)), 6); // every migration before the case-row columns (7)
        await StoreAsync(db, facts, migrate: false);

        var read = StoreCaseFacts.Read(db, Q1.Start, Q1.End).Select(r => r.Fact!).ToList();

        Assert.Contains(read, f => f.Reopened);
        Assert.Contains(read, f => f.Reassigned);
        Assert.Equal(facts, read);
    }

    private static Task<int> AddBodyAsync(CaseSession session) =>
        session.ExecuteAsync("INSERT INTO bodies (id, name, folded_name, level) VALUES (1, 'Орган 1', 'орган 1', 'regional')", default);

    private static NewCase NewCaseOf(DateTimeOffset at) => new(
        null, "roads", new Territory(null, "Курская область", City: "Курск"), 1, CaseStatus.Assigned,
        at.AddDays(1), at.AddDays(30), at, null, null, [], [], false);
}
