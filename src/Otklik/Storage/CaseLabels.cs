namespace Otklik.Storage;

/// <summary>Labels the input gave a message: its topic group, topic and the name of the responsible body.</summary>
/// <param name="BodyName">Matched against the bodies registry by folded name; an unknown name is added to it.</param>
public sealed record CaseLabels(string? TopicGroup, string? Topic, string? BodyName)
{
    public bool IsEmpty => TopicGroup is null && Topic is null && BodyName is null;
}
