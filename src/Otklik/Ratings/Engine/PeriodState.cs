using Otklik.Ratings.Method;

namespace Otklik.Ratings.Engine;

/// <summary>The accumulators of one period: one per body and one per account that appeared in it.</summary>
internal sealed class PeriodState(RatingPeriod period, TimeSpan observation)
{
    public RatingPeriod Period { get; } = period;

    /// <summary>Replies and answers up to this instant count for the period's cases and comments.</summary>
    public DateTimeOffset AsOf { get; } = period.End + observation;

    public Dictionary<string, BodyAccumulator> Bodies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccountAccumulator> Accounts { get; } = new(StringComparer.Ordinal);

    public AccountAccumulator Account(string id)
    {
        if (!Accounts.TryGetValue(id, out var account))
        {
            account = new AccountAccumulator(id);
            Accounts[id] = account;
        }

        return account;
    }
}
