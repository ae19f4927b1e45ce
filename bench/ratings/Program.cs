using System.Diagnostics;
using System.Globalization;
using Otklik.Bench.Ratings;
using Otklik.Ratings.Method;

var options = BenchOptions.Parse(args);
var method = Methodology.Default();
method = method with { Bootstrap = method.Bootstrap with { Replicates = options.Replicates } };
var period = RatingPeriod.TryParse("2021-Q1")!;
if (options.MigrateOnly && options.Db is { } store)
{
    await Otklik.Storage.Cases.CaseDatabase.OpenAsync(store);
    Console.WriteLine("migrated " + (store.StartsWith("Host=", StringComparison.Ordinal) ? "the PostgreSQL database" : store));
    return;
}

var clock = Stopwatch.StartNew();
var engine = new Otklik.Ratings.Engine.RatingsEngine(method, [period]);
var read = 0L;
var cases = options.Db is { } db ? Otklik.Ratings.Sources.StoreCaseFacts.Read(db, period.Start, period.End) : Generator.Cases(options, period);
if (options.SourceOnly)
{
    var count = cases.LongCount(r => r.Fact!.FirstReplyAt is not null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source only: {count} facts with a first reply, {clock.Elapsed.TotalSeconds:F1} s"));
    return;
}

foreach (var record in cases)
{
    engine.Add(record.Fact!);
    read++;
}

options = options with { Cases = read };

var casesSeconds = clock.Elapsed.TotalSeconds;
foreach (var record in Generator.Activity(options, period))
{
    if (record.Account is { } account)
    {
        engine.Add(account);
    }
    else
    {
        engine.Add(record.Event!);
    }
}

var activitySeconds = clock.Elapsed.TotalSeconds - casesSeconds;

// The engine's streaming state after every fact was read, garbage collected: this is what must not grow with cases.
clock.Stop();
var liveAfterIngest = GC.GetTotalMemory(forceFullCollection: true);
clock.Start();
var report = engine.Compute();
var seconds = clock.Elapsed.TotalSeconds;
var computeSeconds = seconds - casesSeconds - activitySeconds;
using var self = Process.GetCurrentProcess();
self.Refresh();
var rated = report.AllEntities.Count(e => e.Score is not null);
var capped = report.AllEntities.Sum(e => e.Capped);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"source={(options.Db is null ? "generator" : options.Db.StartsWith("Host=", StringComparison.Ordinal) ? "postgresql" : "sqlite")} cases={options.Cases} accounts={options.Accounts} bodies={options.Bodies} replicates={options.Replicates} rated={rated} capped_cases={capped} " +
    $"seconds={seconds:F1} (cases {casesSeconds:F1}, activity {activitySeconds:F1}, scoring {computeSeconds:F1}) cases_per_second={options.Cases / seconds:F0} peak_working_set_mb={self.PeakWorkingSet64 / 1048576.0:F0} " +
    $"live_after_ingest_mb={liveAfterIngest / 1048576.0:F0} live_after_scoring_mb={GC.GetTotalMemory(true) / 1048576.0:F0} gen2_collections={GC.CollectionCount(2)}"));
