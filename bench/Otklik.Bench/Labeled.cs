using System.Diagnostics;
using System.Globalization;
using Otklik.Ingest;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Bench;

/// <summary>
/// The read of <c>otklik train --from-db</c>. `labeled import DB [COUNT]` imports COUNT labeled messages (default 20,000;
/// texts, topics and executors from the demo appeals, so every case has an input label and a body) as plain import
/// batches, without a bulk window, so PostgreSQL has no statistics yet; `labeled read DB` times
/// <see cref="CaseSession.LabeledCasesAsync"/> once and prints how many cases it read.
/// </summary>
internal static class Labeled
{
    public static async Task<int> RunAsync(string[] args)
    {
        var db = args[2];
        if (args[1] == "import")
        {
            var appeals = KurskFormat.LoadLabeled(Path.Combine(Generator.FindRepoRoot(), "data", "demo", "kursk-appeals.csv"));
            var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
            var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
            await using var store = await OtklikStores.OpenAsync(db, null, CancellationToken.None);
            for (var start = 0; start < count; start += 5000)
            {
                var batch = Enumerable.Range(start, Math.Min(5000, count - start)).Select(i =>
                {
                    var appeal = appeals[i % appeals.Count];
                    return new IncomingMessage("kursk", "l" + i.ToString(CultureInfo.InvariantCulture), appeal.Text, null,
                        "p" + (i % 5000).ToString(CultureInfo.InvariantCulture), now.AddSeconds(-i), null, null, null, null, null,
                        new CaseLabels(appeal.Group, appeal.Topic, appeal.Executor), 1);
                }).ToList();
                await store.ImportBatchAsync(new ImportBatch(batch, [], "import:bench", now), CancellationToken.None);
            }

            return 0;
        }

        var database = await CaseDatabase.OpenAsync(db);
        await using var session = await database.OpenAsync(write: false);
        var clock = Stopwatch.StartNew();
        try
        {
            var cases = await session.LabeledCasesAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} labeled cases read in {clock.Elapsed.TotalSeconds:F3} s"));
            return 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            // The command timeout (30 s): what `otklik train --from-db` would have failed with.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read failed after {clock.Elapsed.TotalSeconds:F3} s: {e.GetType().Name}: {e.Message}"));
            return 1;
        }
    }
}
