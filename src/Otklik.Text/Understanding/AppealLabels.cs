namespace Otklik.Text.Understanding;

/// <summary>Labels that came with an appeal (a labeled file, an operator): each one given wins over the prediction.</summary>
public sealed record AppealLabels(string? TopicGroup, string? Topic, string? Body)
{
    public static readonly AppealLabels None = new(null, null, null);
}
