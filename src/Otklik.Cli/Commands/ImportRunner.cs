using System.Diagnostics;
using System.Globalization;
using Otklik.Ingest;
using Otklik.Storage;
using Spectre.Console;

namespace Otklik.Cli.Commands;

/// <summary>
/// Runs an import with the right feedback: a progress bar on a terminal, a plain line every few seconds on stderr when
/// output is redirected, nothing with --json. Prints counts and file names only, never message texts.
/// </summary>
internal static class ImportRunner
{
    public static async Task<ImportSummary> RunAsync(
        IOtklikStore store,
        StoreSettings settings,
        IReadOnlyList<string> files,
        ImportSpec spec,
        bool quiet,
        CancellationToken cancellationToken,
        BulkMode bulk = BulkMode.Auto)
    {
        var importer = new MessageImporter(store, CliStore.Pseudonymizer(settings), TimeProvider.System);
        if (quiet)
        {
            return await importer.ImportAsync(files, spec, null, cancellationToken, bulk);
        }

        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lengths = files.Select(f => File.Exists(f) ? new FileInfo(f).Length : 0).ToArray();
            ImportSummary? summary = null;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("importing", maxValue: Math.Max(1, lengths.Sum()));
                    var progress = new Inline<ImportProgress>(p =>
                    {
                        task.Value = lengths.Take(p.FileIndex).Sum() + p.Position;
                        task.Description = string.Create(
                            CultureInfo.InvariantCulture, $"{Path.GetFileName(p.File)}: {p.Imported:N0} new, {p.Duplicates:N0} dup, {p.Quarantined:N0} bad");
                    });
                    summary = await importer.ImportAsync(files, spec, progress, cancellationToken, bulk);
                    task.Value = task.MaxValue;
                });
            return summary!;
        }

        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var plain = new Inline<ImportProgress>(p =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(5))
            {
                return;
            }

            last = clock.Elapsed;
            var percent = p.Length > 0 ? 100.0 * p.Position / p.Length : 100;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"import: {Path.GetFileName(p.File)} {percent:F0}%: {p.Read:N0} read, {p.Imported:N0} imported, {p.Duplicates:N0} duplicates, {p.Quarantined:N0} quarantined"));
        });
        return await importer.ImportAsync(files, spec, plain, cancellationToken, bulk);
    }

    /// <summary>The summary as people read it: what happened, and what to do when something was quarantined.</summary>
    public static void PrintSummary(ImportSummary summary, string database)
    {
        var console = AnsiConsole.Console;
        if (summary.Imported == 0 && summary.Duplicates > 0 && summary.Quarantined == 0)
        {
            console.MarkupLineInterpolated(
                $"Nothing new: all {summary.Duplicates:N0} messages were already in {database}.");
        }
        else
        {
            console.MarkupLineInterpolated(
                $"Imported [green]{summary.Imported:N0}[/] new messages into {database} ({summary.Read:N0} read, {summary.Duplicates:N0} duplicates, {summary.Quarantined:N0} quarantined) in {summary.Elapsed.TotalSeconds:F1} s.");
        }

        if (summary.Bulk is { } bulk)
        {
            console.MarkupLineInterpolated(
                $"Bulk load: rows in after {(summary.Elapsed - bulk.Total).TotalSeconds:F1} s, then indexes {bulk.Indexes.TotalSeconds:F1} s, derived columns {bulk.Derived.TotalSeconds:F1} s (rows queryable after {(summary.Elapsed - bulk.Total + bulk.Queryable).TotalSeconds:F1} s), search index {bulk.Search.TotalSeconds:F1} s (search complete after {summary.Elapsed.TotalSeconds:F1} s).");
        }

        if (summary.Quarantined > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{summary.Quarantined:N0} records were quarantined[/]; see them with: otklik quarantine list");
        }
    }

    /// <summary>The summary as one JSON object for scripts.</summary>
    public static void PrintJson(ImportSummary summary, string database, int exitCode)
    {
        CliJson.WriteLine(new
        {
            read = summary.Read,
            imported = summary.Imported,
            duplicates = summary.Duplicates,
            quarantined = summary.Quarantined,
            files = summary.Files,
            database,
            elapsed_seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
            bulk = summary.Bulk is { } b
                ? new
                {
                    load_seconds = Math.Round((summary.Elapsed - b.Total).TotalSeconds, 3),
                    indexes_seconds = Math.Round(b.Indexes.TotalSeconds, 3),
                    derived_seconds = Math.Round(b.Derived.TotalSeconds, 3),
                    search_seconds = Math.Round(b.Search.TotalSeconds, 3),
                    queryable_seconds = Math.Round((summary.Elapsed - b.Total + b.Queryable).TotalSeconds, 3),
                }
                : null,
            exit_code = exitCode,
        });
    }

    public static int ExitCodeOf(ImportSummary summary) => summary.Clean ? ExitCodes.Ok : ExitCodes.Quarantined;

    /// <summary>Reports on the calling thread; Progress&lt;T&gt; would post to the thread pool and reorder lines.</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
