using System.Diagnostics;
using Otklik.Ingest;
using Otklik.Privacy;

namespace Otklik.Bench;

/// <summary>`parse FILE [csv-map]`: reads and validates a file without a database, to split import time into parse and store.</summary>
internal static class ParseOnly
{
    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var context = new RecordContext(null, new Pseudonymizer("bench-key-bench-key-bench"u8.ToArray()), DateTimeOffset.UtcNow);
        var spec = args.Length > 2 ? new ImportSpec(ImportFormat.Csv, ColumnMap.Parse(args[2])) : new ImportSpec();
        using var reader = MessageReaders.Open(args[1], spec, context);
        long good = 0, bad = 0;
        foreach (var record in reader.Read(CancellationToken.None))
        {
            if (record.Message is null)
            {
                bad++;
            }
            else
            {
                good++;
            }
        }

        Console.WriteLine($"{good:N0} good, {bad:N0} bad in {clock.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
