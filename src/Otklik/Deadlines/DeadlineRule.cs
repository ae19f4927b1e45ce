namespace Otklik.Deadlines;

/// <summary>
/// The two clocks for the appeals a rule matches. A rule matches when any of its topics, groups or keywords (folded,
/// found in the text) matches — or when it lists none of them (the default) — and, if it lists months, the local month is one.
/// </summary>
public sealed record DeadlineRule(
    string Name,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<int> Months,
    DeadlineSpan FirstReply,
    DeadlineSpan FullAnswer,
    bool Priority = false);
