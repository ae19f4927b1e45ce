using System.ComponentModel;
using System.Globalization;
using System.Text;
using Otklik.Cli.Commands;
using Otklik.Ratings;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Output;
using Otklik.Ratings.Sources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Ratings;

/// <summary>`otklik ratings compute`: rates bodies and official accounts for a period.</summary>
internal sealed class RatingsComputeCommand : AsyncCommand<RatingsComputeCommand.Settings>
{
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--period <PERIOD>")]
        [Description("The period to rate: 2021-Q1 or 2021.")]
        public string Period { get; init; } = string.Empty;

        [CommandOption("--method <FILE>")]
        [Description("A methodology JSON. Defaults to the shipped data/ratings/methodology-v1.json.")]
        public string? Method { get; init; }

        [CommandOption("--source <SOURCE>")]
        [Description("Case facts: `spb` (the real St Petersburg appeals), `db` (the store named by --db, streamed), or a case-facts JSON Lines file (.gz ok). Repeatable. Defaults to spb.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--activity <SOURCE>")]
        [Description("Account activity: `demo` (SIMULATED demo accounts), `none`, or an activity JSON Lines file. Repeatable. Defaults to demo.")]
        public string[] Activity { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("table, csv, xlsx or json. Defaults to table.")]
        public string Format { get; init; } = "table";

        [CommandOption("--out <FILE>")]
        [Description("Write to this file instead of the terminal (required for xlsx).")]
        public string? Out { get; init; }

        [CommandOption("--history <N>")]
        [Description("Earlier periods to compute for rank and score changes. Defaults to 1.")]
        public int History { get; init; } = 1;

        [CommandOption("--replicates <N>")]
        [Description("Override the methodology's bootstrap replicates (0 turns intervals off).")]
        public int? Replicates { get; init; }

        [CommandOption("--explain <TEXT>")]
        [Description("With the table: print the full breakdown of entities whose id or name contains this text.")]
        public string? Explain { get; init; }

        /// <summary>
        /// Checked in the command rather than in Validate(): the app propagates exceptions, and a bad option must be
        /// a message and exit code 2, not a stack trace.
        /// </summary>
        public string? Problem()
        {
            if (RatingPeriod.TryParse(Period) is null)
            {
                return $"--period: \"{Period}\" is not a period; use a quarter like 2021-Q1 or a year like 2021.";
            }

            if (Format is not ("table" or "csv" or "xlsx" or "json"))
            {
                return $"--format: \"{Format}\" is not one of table, csv, xlsx, json.";
            }

            if (Format == "xlsx" && string.IsNullOrEmpty(Out))
            {
                return "--format xlsx writes a file: add --out ratings.xlsx.";
            }

            return History is < 0 or > 20 ? "--history: between 0 and 20 earlier periods." : null;
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {problem}");
            return Task.FromResult(2);
        }

        try
        {
            var method = settings.Method is null ? Methodology.Default() : Methodology.Load(settings.Method);
            if (settings.Replicates is { } replicates)
            {
                method = method with { Bootstrap = method.Bootstrap with { Replicates = Math.Max(0, replicates) } };
            }

            var period = RatingPeriod.TryParse(settings.Period)!;
            var spb = new SpbAppealsSource();
            var problems = 0;
            var from = period.Start.AddMonths(-3 * settings.History - 3);
            var caseSources = (settings.Sources.Length == 0 ? ["spb"] : settings.Sources).Select(source => source switch
            {
                "spb" => spb.Read(SpbAppealsSource.DefaultPath).Select(f => new CaseFactRecord(f, null)),
                "db" => StoreCaseFacts.Read(CliStore.Settings(settings).DatabaseOrDefault, from, period.End),
                _ => CaseFactsJsonLines.ReadFile(source),
            });
            var activity = (settings.Activity.Length == 0 ? ["demo"] : settings.Activity).Where(a => a != "none").Select(source => source == "demo"
                ? SimulatedActivity.Generate(method.Bootstrap.Seed, from, period.End.AddDays(method.ObservationDays), CityPopulation.Load(CityPopulation.DefaultPath))
                : ActivityJsonLines.ReadFile(source));
            var report = RatingsRun.Compute(method, period, settings.History, caseSources, activity, skipped =>
            {
                if (++problems <= 20)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]skipped[/] {skipped}");
                }
            });
            if (spb.Duplicates > 0 || spb.ProblemCount > 0)
            {
                report = report with { Notes = [.. report.Notes, string.Create(CultureInfo.InvariantCulture, $"SPb source: {spb.Lines} lines, {spb.Duplicates} duplicate submissions merged, {spb.ProblemCount} unreadable.")] };
            }

            Write(report, settings);
            return Task.FromResult(0);
        }
        catch (RatingsException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return Task.FromResult(2);
        }
        catch (Otklik.Errors.OtklikException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return Task.FromResult(2);
        }
        catch (System.Data.Common.DbException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] the database: {ex.Message}");
            return Task.FromResult(2);
        }
        catch (IOException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return Task.FromResult(2);
        }
    }

    private static void Write(Otklik.Ratings.Results.RatingsReport report, Settings settings)
    {
        switch (settings.Format)
        {
            case "xlsx":
                RatingsXlsx.Write(report, settings.Out!);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {settings.Out}");
                return;
            case "json" when settings.Out is not null:
                using (var file = File.Create(settings.Out))
                {
                    RatingsJson.Write(report, file);
                }

                return;
            case "json":
                Console.Out.WriteLine(RatingsJson.ToJson(report));
                return;
            case "csv" when settings.Out is not null:
                using (var writer = new StreamWriter(settings.Out, false, new UTF8Encoding(true)))
                {
                    RatingsCsv.Write(report, writer);
                }

                return;
            case "csv":
                RatingsCsv.Write(report, Console.Out);
                return;
            default:
                RatingsTable.Write(report, settings.Explain);
                return;
        }
    }
}
