using Otklik.Model;

namespace Otklik.Ratings.Input;

/// <summary>
/// What the ratings need to know about one case, and nothing else: no texts, no names of residents.
/// A store, the SPb source or a JSON Lines file produce these; the engine consumes them one at a time.
/// </summary>
/// <remarks>Times are instants; a missing time means "has not happened (yet)".</remarks>
public sealed record CaseFact
{
    /// <summary>Unique within a source; used only for seeding and error messages.</summary>
    public required string CaseId { get; init; }

    /// <summary>The responsible body's stable id (a store id, or the body's name for sources without ids).</summary>
    public required string BodyId { get; init; }

    public string? BodyName { get; init; }

    /// <summary>A category key of the methodology: "federal", "regional", "municipal".</summary>
    public required string Category { get; init; }

    /// <summary>The topic (sub-topic) the standardization compares within; null is a topic of its own.</summary>
    public string? Topic { get; init; }

    /// <summary>The place at the precision repeat complaints are matched: an address or a rounded point.</summary>
    public string? Place { get; init; }

    /// <summary>A pseudonymous author id; null when the source does not know it (the author cap is then off).</summary>
    public string? Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FirstReplyAt { get; init; }

    public DateTimeOffset? FullAnswerAt { get; init; }

    /// <summary>When the case was closed as resolved (confirmed by the resident or closed by the body).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? FirstReplyDue { get; init; }

    public DateTimeOffset? AnswerDue { get; init; }

    public CaseStatus Status { get; init; }

    public bool Reopened { get; init; }

    public bool Reassigned { get; init; }

    /// <summary>The last status change; an open case untouched for long marks its body's statuses as possibly stale.</summary>
    public DateTimeOffset? LastStatusChangeAt { get; init; }
}
