namespace Otklik.Model;

public enum ResponseKind
{
    /// <summary>The first public reply: the resident is told the appeal was taken into work or already solved.</summary>
    FirstReply,
    /// <summary>An interim answer.</summary>
    Interim,
    /// <summary>The full, final answer.</summary>
    Final,
}

/// <summary>A body's answer to a case, or a reply on a platform.</summary>
public sealed record Response(
    long Id,
    long CaseId,
    long? BodyId,
    string? AuthorUser,
    ResponseKind Kind,
    DateTimeOffset At,
    string Text,
    string? Url);
