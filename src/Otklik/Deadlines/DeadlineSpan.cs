using System.Globalization;

namespace Otklik.Deadlines;

/// <summary>An amount and its unit, written compactly in the deadlines file: "3h", "8wh", "30d", "5wd".</summary>
public readonly record struct DeadlineSpan(int Amount, DeadlineUnit Unit)
{
    private static readonly (string Suffix, DeadlineUnit Unit)[] Suffixes =
        [("wh", DeadlineUnit.WorkingHours), ("wd", DeadlineUnit.WorkingDays), ("h", DeadlineUnit.Hours), ("d", DeadlineUnit.Days)];

    /// <summary>Parses "3h", "8wh", "30d", "5wd"; null with no exception when the text is not one of those.</summary>
    public static DeadlineSpan? TryParse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        foreach (var (suffix, unit) in Suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) &&
                int.TryParse(s.AsSpan(0, s.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                return new DeadlineSpan(amount, unit);
            }
        }

        return null;
    }

    /// <summary>An upper bound of the span in clock time, for validation (a working day counts as a whole day or more).</summary>
    public TimeSpan AtLeast => Unit switch
    {
        DeadlineUnit.Hours or DeadlineUnit.WorkingHours => TimeSpan.FromHours(Amount),
        _ => TimeSpan.FromDays(Amount),
    };

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        DeadlineUnit.Hours => "h",
        DeadlineUnit.WorkingHours => "wh",
        DeadlineUnit.Days => "d",
        _ => "wd",
    };
}
