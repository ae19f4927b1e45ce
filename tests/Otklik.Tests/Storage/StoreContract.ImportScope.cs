using System.Globalization;
using Otklik.Ingest;

namespace Otklik.Tests.Storage;

/// <summary>
/// An imported message goes into the search index with its case's scope tokens (migration 18), whichever path wrote
/// it: an executor's search asks the index for its words AND its bodies' tokens, so a message without them is never
/// found by its body's executors, and nothing but this check would show it.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>A query counting the messages the search index holds under the owner scope token of <paramref name="body"/>.</summary>
    protected abstract string ScopeTokenCountSql(long body);

    /// <summary>Fails when the search index holds other tokens for a message than its text and its case give.</summary>
    protected abstract Task AssertSearchIndexMatchesItsSourceAsync();

    [Theory]
    [InlineData(BulkMode.On)]
    [InlineData(BulkMode.Off)]
    public async Task An_imported_message_is_indexed_with_its_cases_scope_tokens(BulkMode bulk)
    {
        await Importer(batchSize: 300).ImportAsync([DemoFile], ImportSpec.Kursk(), null, CancellationToken.None, bulk);

        var bodies = await QueryRawAsync(Database, "SELECT body_id, count(*) FROM cases WHERE body_id IS NOT NULL GROUP BY body_id ORDER BY 2 DESC, 1 LIMIT 2");
        Assert.Equal(2, bodies.Count);
        foreach (var row in bodies)
        {
            var body = long.Parse(row.Split('|')[0], CultureInfo.InvariantCulture);
            var messages = await QueryRawAsync(Database, $"SELECT count(*) FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.body_id = {body}");
            Assert.Equal(messages, await QueryRawAsync(Database, ScopeTokenCountSql(body)));
        }

        await AssertSearchIndexMatchesItsSourceAsync();
    }
}
