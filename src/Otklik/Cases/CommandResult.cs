using Otklik.Model;

namespace Otklik.Cases;

/// <summary>The outcome of a change to a case, as a value: the API turns it into a typed result or a problem.</summary>
public sealed record CommandResult(
    CommandOutcome Outcome,
    string? Field = null,
    string? Message = null,
    CaseStatus? Status = null,
    IReadOnlyList<CaseAction>? Allowed = null,
    string? FeedbackToken = null)
{
    public static readonly CommandResult Done = new(CommandOutcome.Done);
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound);
    public static readonly CommandResult Forbidden = new(CommandOutcome.Forbidden);

    public static CommandResult Invalid(string field, string message) => new(CommandOutcome.Invalid, field, message);

    public static CommandResult Conflict(CaseStatus status, string message) =>
        new(CommandOutcome.Conflict, "action", message, status, CaseWorkflow.Allowed(status));
}
