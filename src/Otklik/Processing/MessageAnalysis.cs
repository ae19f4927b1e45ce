using Otklik.Model;

namespace Otklik.Processing;

/// <summary>What the analyzer concluded about a message.</summary>
/// <param name="BodyName">The responsible body by name (a routing table or a label); resolved in the registry, added when new.</param>
/// <param name="Confidence">0..1; at or above the auto-assign threshold the case goes straight to the body.</param>
/// <param name="Reasons">Why: "label: topic from input", "rule: …", "fallback: default body". Shown on the case page.</param>
/// <param name="FirstReplyDue">Null: the SLA policy decides.</param>
/// <param name="AnswerDue">Null: the SLA policy decides.</param>
public sealed record MessageAnalysis(
    string? TopicGroup,
    string? Topic,
    Territory Place,
    string? BodyName,
    double Confidence,
    IReadOnlyList<string> Reasons,
    string? LabelSource = null,
    DateTimeOffset? FirstReplyDue = null,
    DateTimeOffset? AnswerDue = null);
