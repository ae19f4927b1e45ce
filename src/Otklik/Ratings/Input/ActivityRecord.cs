namespace Otklik.Ratings.Input;

/// <summary>One line of an activity file: an account's upkeep facts, a post/comment/reply, or why the line is unreadable.</summary>
public sealed record ActivityRecord(AccountFacts? Account, ActivityEvent? Event, InputProblem? Problem);
