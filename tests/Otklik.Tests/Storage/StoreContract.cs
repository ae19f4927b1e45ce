using Microsoft.Extensions.Time.Testing;
using Otklik.Errors;
using Otklik.Ingest;
using Otklik.Model;
using Otklik.Privacy;
using Otklik.Storage;
using Otklik.Tests.Support;

namespace Otklik.Tests.Storage;

/// <summary>
/// The one storage test suite: every test here runs against SQLite and against PostgreSQL (see the two subclasses),
/// so the two stores behave the same. Imports go through the real importer and the real readers.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IOtklikStore? _store;

    protected TempFolder Temp { get; } = new();

    protected string Database { get; private set; } = string.Empty;

    protected IOtklikStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected static string DemoFile => Path.Combine(SharedData.RepoRoot(), "data", "demo", "kursk-appeals.csv");

    public async Task InitializeAsync()
    {
        Database = await NewDatabaseAsync();
        _store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Temp.Dispose();
    }

    /// <summary>A new empty database: a --db value.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Runs SQL behind the store's back, to set up what the store itself would never do.</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    protected MessageImporter Importer(int batchSize = MessageImporter.DefaultBatchSize) =>
        new(Store, new Pseudonymizer("test-key-test-key-test-key"u8.ToArray()), new FakeTimeProvider(Now), null, batchSize);

    protected Task<ImportSummary> ImportAsync(string file, ImportSpec? spec = null, int batchSize = MessageImporter.DefaultBatchSize) =>
        Importer(batchSize).ImportAsync([file], spec ?? new ImportSpec(), null, CancellationToken.None);

    [Fact]
    public async Task A_new_database_is_migrated_to_the_code_schema_version()
    {
        Assert.Equal(Otklik.Storage.Sqlite.SqliteSchema.Migrations.Count, await Store.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal(new StoreCounts(0, 0, 0, 0), await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Opening_an_existing_database_again_keeps_its_data()
    {
        await ImportAsync(Temp.Write("m.jsonl", """{"channel":"vk","external_id":"1","text":"Яма во дворе"}""" + "\n"));

        await using var again = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);

        Assert.Equal(1, (await again.CountAsync(CancellationToken.None)).Messages);
        Assert.Equal(Otklik.Storage.Sqlite.SqliteSchema.Migrations.Count, await again.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_than_the_code_is_refused_with_what_to_do()
    {
        await ExecuteRawAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 'now')");

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => OtklikStores.OpenAsync(Database, null, CancellationToken.None));

        Assert.Equal(99, error.DatabaseVersion);
        Assert.Contains("newer than this Otklik", error.Message);
        Assert.Contains("--db", error.Hint);
    }

    [Fact]
    public async Task The_demo_file_imports_as_two_thousand_labeled_cases_that_seed_the_bodies_registry()
    {
        var summary = await ImportAsync(DemoFile, ImportSpec.Kursk());

        Assert.Equal((2000, 2000, 0, 0), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        var counts = await Store.CountAsync(CancellationToken.None);
        Assert.Equal(new StoreCounts(2000, 2000, 75, 0), counts);
        var stats = await Store.GetCaseStatsAsync(1000, CancellationToken.None);
        Assert.Equal(2000, stats.ByBody.Sum(r => r.Count));
        Assert.DoesNotContain(stats.ByBody, r => r.Key is null);
        Assert.Equal(421, stats.ByBody[0].Count);
        Assert.Equal(17, stats.ByTopicGroup.Count(r => r.Key is not null));

        var page = await Store.ListCasesAsync(new CaseQuery(Limit: 1), CancellationToken.None);
        var newest = Assert.Single(page.Items);
        Assert.Equal("input", newest.LabelSource);
        Assert.Equal(CaseStatus.New, newest.Status);
        Assert.NotNull(newest.BodyId);
        Assert.Equal(Now, newest.CreatedAt);
        var created = Assert.Single(await Store.ListCaseEventsAsync(newest.Id, CancellationToken.None));
        Assert.Equal("created", created.Kind);
        Assert.Equal("import:kursk-appeals.csv", created.Actor);
        var message = Assert.Single(await Store.ListCaseMessagesAsync(newest.Id, CancellationToken.None));
        Assert.Equal("kursk", message.Channel);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_counts_duplicates()
    {
        await ImportAsync(DemoFile, ImportSpec.Kursk());

        var again = await ImportAsync(DemoFile, ImportSpec.Kursk());

        Assert.Equal((2000, 0, 2000, 0), (again.Read, again.Imported, again.Duplicates, again.Quarantined));
        Assert.Equal(new StoreCounts(2000, 2000, 75, 0), await Store.CountAsync(CancellationToken.None));
    }
}
