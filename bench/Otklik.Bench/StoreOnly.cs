using System.Diagnostics;
using Otklik.Ingest;
using Otklik.Privacy;
using Otklik.Storage;

namespace Otklik.Bench;

/// <summary>`store FILE DB`: the import loop without the pipelining, timing parse and store separately.</summary>
internal static class StoreOnly
{
    public static async Task<int> RunAsync(string[] args)
    {
        var context = new RecordContext(null, new Pseudonymizer("bench-key-bench-key-bench"u8.ToArray()), DateTimeOffset.UtcNow);
        await using var store = await OtklikStores.OpenAsync(args[2], null, CancellationToken.None);
        using var reader = MessageReaders.Open(args[1], new ImportSpec(), context);
        var parse = Stopwatch.StartNew();
        var storing = new Stopwatch();
        var storeCpu = TimeSpan.Zero;
        var batch = new List<IncomingMessage>(5000);
        foreach (var record in reader.Read(CancellationToken.None))
        {
            batch.Add(record.Message!);
            if (batch.Count == 5000)
            {
                parse.Stop();
                storing.Start();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                await store.ImportBatchAsync(new ImportBatch(batch, [], "bench", DateTimeOffset.UtcNow), CancellationToken.None);
                storeCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                storing.Stop();
                parse.Start();
                batch = new List<IncomingMessage>(5000);
            }
        }

        storing.Start();
        await store.ImportBatchAsync(new ImportBatch(batch, [], "bench", DateTimeOffset.UtcNow), CancellationToken.None);
        Console.WriteLine($"parse {parse.Elapsed.TotalSeconds:F2} s, store {storing.Elapsed.TotalSeconds:F2} s (cpu {storeCpu.TotalSeconds:F2} s), cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s, gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
        return 0;
    }
}
