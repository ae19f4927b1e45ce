namespace Otklik.Ratings.Engine;

/// <summary>Bootstrap intervals of the rated entities, by their position in the point ranking.</summary>
internal sealed class BootstrapResult(BootstrapResult.Interval[] intervals)
{
    public Interval For(int position) => intervals[position];

    internal sealed record Interval(double ScoreLow, double ScoreHigh, int RankLow, int RankHigh, int TiedFrom, int TiedTo);
}
