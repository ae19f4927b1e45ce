namespace Otklik.Storage.Cases;

/// <summary>What one run of <see cref="SearchIndexUpkeep"/> did.</summary>
/// <param name="Outcome">Whether it rebuilt, and if not, why.</param>
/// <param name="Messages">The messages in the store when it looked (0 when another run held the lock).</param>
/// <param name="NewMessages">Messages added (the count's growth) since the last rebuild, or since the store began when none is recorded.</param>
/// <param name="NeededMessages">The added messages that make a rebuild due (<see cref="SearchUpkeepOptions.NeededAfter"/>).</param>
/// <param name="LastRebuiltAt">When the index was rebuilt before this run; null when no rebuild is recorded.</param>
/// <param name="Duration">How long the rebuild took; zero when there was none.</param>
/// <param name="DroppedLeftovers">Invalid indexes left by failed or cancelled rebuilds, dropped before anything else.</param>
public sealed record SearchUpkeepResult(
    SearchUpkeepOutcome Outcome,
    long Messages,
    long NewMessages,
    long NeededMessages,
    DateTimeOffset? LastRebuiltAt,
    TimeSpan Duration,
    IReadOnlyList<string> DroppedLeftovers)
{
    internal static SearchUpkeepResult Nothing(SearchUpkeepOutcome outcome) => new(outcome, 0, 0, 0, null, TimeSpan.Zero, []);
}
