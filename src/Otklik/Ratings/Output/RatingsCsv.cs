using System.Globalization;
using System.Text;
using Otklik.Ratings.Results;

namespace Otklik.Ratings.Output;

/// <summary>
/// The report as CSV (RFC 4180, UTF-8): one row per entity, the score with its interval and rank, then per indicator
/// the raw value, its n and its normalized points. The notes (simulated data!) come first as comment-free rows.
/// </summary>
public static class RatingsCsv
{
    public static readonly string[] EntityColumns =
    [
        "period", "category", "rank", "tied_ranks", "rank_low", "rank_high", "name", "id", "kind", "level", "simulated",
        "score", "score_low", "score_high", "score_change", "rank_change", "volume", "capped", "data_quality", "not_rated_reason",
    ];

    public static IReadOnlyList<string> Header(RatingsReport report)
    {
        var header = new List<string>(EntityColumns);
        foreach (var id in Indicators(report))
        {
            header.Add(id);
            header.Add(id + "_n");
            header.Add(id + "_points");
        }

        return header;
    }

    public static IEnumerable<IReadOnlyList<object?>> Rows(RatingsReport report)
    {
        var indicators = Indicators(report);
        foreach (var category in report.Categories)
        {
            foreach (var e in category.Entities)
            {
                var row = new List<object?>
                {
                    report.Period, category.Id, e.Rank, e.IsTied ? $"{e.TiedFrom}-{e.TiedTo}" : null, e.RankLow, e.RankHigh,
                    e.Name, e.Id, e.Kind, e.Level, e.Simulated, Round(e.Score), Round(e.ScoreLow), Round(e.ScoreHigh),
                    Round(e.ScoreChange), e.RankChange, e.Volume, e.Capped, e.DataQuality, e.NotRatedReason,
                };
                foreach (var id in indicators)
                {
                    var line = e.Breakdown.FirstOrDefault(b => b.Id == id);
                    row.Add(line?.Raw is { } raw ? Math.Round(raw, 4) : null);
                    row.Add(line?.N);
                    row.Add(Round(line?.Normalized));
                }

                yield return row;
            }
        }
    }

    public static void Write(RatingsReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Join(',', Header(report).Select(Quote)));
        foreach (var row in Rows(report))
        {
            output.WriteLine(string.Join(',', row.Select(Format).Select(Quote)));
        }
    }

    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static List<string> Indicators(RatingsReport report) =>
        report.AllEntities.SelectMany(e => e.Breakdown.Select(b => b.Id)).Distinct(StringComparer.Ordinal).ToList();

    private static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length + 2).Append('"');
        builder.Append(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
