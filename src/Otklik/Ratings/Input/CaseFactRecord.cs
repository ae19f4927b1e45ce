namespace Otklik.Ratings.Input;

/// <summary>One line of a case facts file: the fact, or why the line is unreadable.</summary>
public sealed record CaseFactRecord(CaseFact? Fact, InputProblem? Problem);
