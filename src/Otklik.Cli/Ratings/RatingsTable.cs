using System.Globalization;
using Otklik.Ratings.Engine;
using Otklik.Ratings.Results;
using Spectre.Console;

namespace Otklik.Cli.Ratings;

/// <summary>The report in the terminal: one table per category, the nominations, the notes, optional breakdowns.</summary>
internal static class RatingsTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(RatingsReport report, string? explain)
    {
        // Redirected output would be cut to 80 columns; long Russian names need more.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }

        AnsiConsole.MarkupLine(Markup.Escape($"Ratings {report.Period} (methodology v{report.MethodologyVersion}); score 0–100 with 95% bootstrap interval; '=' marks statistically tied ranks"));
        foreach (var category in report.Categories.Where(c => c.Entities.Count > 0))
        {
            var table = new Table().Title(Markup.Escape($"{category.Title.Ru} / {category.Title.En}"));
            table.AddColumns(new[] { "Rank", "Rank 95%", "Name", "Score [95%]", "Δ score", "Δ rank", "Volume", category.Entity == "body" ? "First reply med / p90, h" : "Questions answered, median h", "Flags" }.Select(Markup.Escape).ToArray());
            foreach (var e in category.Entities)
            {
                var rank = e.Rank is { } r ? (e.IsTied ? $"{r}=" : r.ToString(Invariant)) : "—";
                var name = e.Simulated ? e.Name + " [SIMULATED]" : e.Name;
                var score = e.Score is { } s ? string.Create(Invariant, $"{s:F1} [{e.ScoreLow:F1}–{e.ScoreHigh:F1}]") : "not rated";
                table.AddRow(
                    Markup.Escape(rank),
                    Markup.Escape(e.RankLow is null ? "" : $"{e.RankLow}–{e.RankHigh}"),
                    Markup.Escape(Truncate(name, 60)),
                    Markup.Escape(score),
                    Markup.Escape(e.ScoreChange is { } ds ? ds.ToString("+0.0;-0.0;0.0", Invariant) : ""),
                    Markup.Escape(e.RankChange is { } dr ? dr.ToString("+0;-0;0", Invariant) : ""),
                    e.Volume.ToString(Invariant),
                    Markup.Escape(Headline(e)),
                    Markup.Escape(e.DataQuality ?? e.NotRatedReason ?? ""));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine("[bold]Nominations[/]");
        foreach (var n in report.Nominations)
        {
            var winner = n.WinnerName is null ? "— (nobody rated)" : string.Create(Invariant, $"{n.WinnerName} ({n.Score:F1}){(n.Tied ? ", statistically tied with the runner-up" : "")}{(n.Simulated ? " [SIMULATED]" : "")}");
            AnsiConsole.MarkupLine(Markup.Escape($"  {n.Title.Ru}: {winner}"));
        }

        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLine(Markup.Escape("Note: " + note));
        }

        if (explain is not null)
        {
            foreach (var e in report.AllEntities.Where(e => e.Id.Contains(explain, StringComparison.OrdinalIgnoreCase) || e.Name.Contains(explain, StringComparison.OrdinalIgnoreCase)))
            {
                Explain(e);
            }
        }
    }

    private static void Explain(EntityRating e)
    {
        var table = new Table().Title(Markup.Escape($"{e.Name}: score {e.Score?.ToString("F1", Invariant) ?? "not rated"}"));
        table.AddColumns("Indicator", "Raw", "n", "Topic factor", "Adjusted", "Percentile", "Reliability", "Points", "Weight", "Contribution");
        foreach (var b in e.Breakdown)
        {
            table.AddRow(
                b.Id, F(b.Raw, "G4"), b.N.ToString(Invariant), F(b.TopicFactor, "F3"), F(b.Adjusted, "G4"),
                b.Eligible ? F(b.PercentileRank, "F1") : "n < min", F(b.Reliability, "F2"), F(b.Normalized, "F1"), F(b.Weight, "F3"), F(b.Contribution, "F2"));
        }

        AnsiConsole.Write(table);
        if (e.History.Count > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape("History: " + string.Join("; ", e.History.Select(h => $"{h.Period}: {F(h.Score, "F1")} (rank {h.Rank?.ToString(Invariant) ?? "—"})"))));
        }
    }

    private static string Headline(EntityRating e)
    {
        if (e.Kind == "body")
        {
            var median = e.Breakdown.FirstOrDefault(b => b.Id == IndicatorCatalog.FirstReplyMedian)?.Raw;
            var p90 = e.Breakdown.FirstOrDefault(b => b.Id == IndicatorCatalog.FirstReplyP90)?.Raw;
            return $"{F(median, "F0")} / {F(p90, "F0")}";
        }

        var share = e.Breakdown.FirstOrDefault(b => b.Id == IndicatorCatalog.CommentsAnsweredShare)?.Raw;
        var time = e.Breakdown.FirstOrDefault(b => b.Id == IndicatorCatalog.CommentAnswerMedian)?.Raw;
        return $"{F(share * 100, "F0")}%, {F(time, "F0")}";
    }

    private static string F(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, Invariant) : "—";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
