using System.Globalization;
using System.Text.RegularExpressions;

namespace Otklik.Ratings.Method;

/// <summary>A rating period: a quarter ("2021-Q1") or a year ("2021"), in UTC+3 (Moscow) calendar days.</summary>
public sealed partial record RatingPeriod(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>Parses "2021-Q1" or "2021"; null with no exception when the text is neither.</summary>
    public static RatingPeriod? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["q"].Success)
        {
            return new RatingPeriod(year.ToString(CultureInfo.InvariantCulture), new DateTimeOffset(year, 1, 1, 0, 0, 0, Moscow), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, Moscow));
        }

        var quarter = int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture);
        var start = new DateTimeOffset(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, Moscow);
        return new RatingPeriod($"{year}-Q{quarter}", start, start.AddMonths(3));
    }

    /// <summary>The period of the same kind just before this one.</summary>
    public RatingPeriod Previous()
    {
        var isYear = !Name.Contains('Q', StringComparison.Ordinal);
        var start = isYear ? Start.AddYears(-1) : Start.AddMonths(-3);
        var name = isYear
            ? start.Year.ToString(CultureInfo.InvariantCulture)
            : $"{start.Year}-Q{(start.Month - 1) / 3 + 1}";
        return new RatingPeriod(name, start, Start);
    }

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>Whole weeks in the period, at least one.</summary>
    public double Weeks => Math.Max(1, (End - Start).TotalDays / 7.0);

    [GeneratedRegex(@"^(?<year>\d{4})(-Q(?<q>[1-4]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
