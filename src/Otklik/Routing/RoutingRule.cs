namespace Otklik.Routing;

/// <summary>
/// (topic or topic group, territory) → body. Empty fields are wildcards: a rule with only <see cref="City"/> and
/// <see cref="Body"/> sends everything from that city there. Territory fields hold display names ("Курская область",
/// "Льговский район", "Льгов", "Сеймский округ"), compared folded.
/// </summary>
/// <param name="Priority">Operators' rules use 1 and up: the highest-priority matching cell wins over any derived one. Derived rules have 0.</param>
/// <param name="Weight">The share of the cell's appeals this body answered (derived), or 1 for a hand-written rule.</param>
/// <param name="Support">How many training appeals the cell held (derived); 0 for hand-written rules.</param>
public sealed record RoutingRule(
    string? Topic,
    string? Group,
    string? Region,
    string? District,
    string? City,
    string? CityDistrict,
    string Body,
    int Priority = 0,
    double Weight = 1,
    int Support = 0)
{
    /// <summary>Whether the rule names a topic or a group; topic-free rules route by place alone.</summary>
    public bool HasTopic => Topic is not null || Group is not null;

    /// <summary>A readable description of the rule's condition: "«Аварийные деревья» in Льгов".</summary>
    public string Condition
    {
        get
        {
            var what = Topic is not null ? $"«{Topic}»" : Group is not null ? $"group {Group}" : "any topic";
            var where = CityDistrict ?? City ?? District ?? Region;
            return where is null ? what : $"{what} in {where}";
        }
    }
}
