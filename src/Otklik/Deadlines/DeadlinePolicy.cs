using Otklik.Folding;

namespace Otklik.Deadlines;

/// <summary>
/// Which rule sets an appeal's clocks: the first matching rule in file order, else the default. Put the most urgent
/// rules first (dangerous situations), then topic groups, then nothing: the default catches the rest.
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>No first reply may be promised later than this.</summary>
    public static readonly TimeSpan MaxFirstReply = TimeSpan.FromHours(24);

    public DeadlinePolicy(DeadlineRule defaultRule, IReadOnlyList<DeadlineRule> rules, TimeSpan defaultUtcOffset)
    {
        Default = defaultRule ?? throw new ArgumentNullException(nameof(defaultRule));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        DefaultUtcOffset = defaultUtcOffset;
    }

    public DeadlineRule Default { get; }

    public IReadOnlyList<DeadlineRule> Rules { get; }

    /// <summary>The offset used when the place of an appeal is unknown (the region's own, e.g. +03:00 for Kursk).</summary>
    public TimeSpan DefaultUtcOffset { get; }

    /// <summary>The rule for an appeal; <paramref name="localMonth"/> is the month (1–12) at the place when it arrived.</summary>
    public DeadlineRule Select(string? topic, string? group, string? text, int localMonth)
    {
        var folded = text is null ? null : RussianText.Fold(text);
        foreach (var rule in Rules)
        {
            if (rule.Months.Count > 0 && !rule.Months.Contains(localMonth))
            {
                continue;
            }

            var byTopic = topic is not null && rule.Topics.Any(t => RussianText.FoldName(t) == RussianText.FoldName(topic));
            var byGroup = group is not null && rule.Groups.Contains(group, StringComparer.Ordinal);
            var byKeyword = folded is not null && rule.Keywords.Any(k => folded.Contains(RussianText.Fold(k), StringComparison.Ordinal));
            if (byTopic || byGroup || byKeyword)
            {
                return rule;
            }
        }

        return Default;
    }
}
