namespace Otklik.Deadlines;

/// <summary>
/// The two clocks of a case: the first public reply (the resident hears it was taken into work) and the full answer.
/// Times carry the place's UTC offset.
/// </summary>
public sealed record CaseDeadlines(
    DateTimeOffset ReceivedAt,
    DateTimeOffset FirstReplyDue,
    DateTimeOffset FullAnswerDue,
    string Rule,
    bool Priority,
    TimeSpan UtcOffset);
