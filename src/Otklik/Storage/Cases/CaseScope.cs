namespace Otklik.Storage.Cases;

/// <summary>
/// Which cases a caller may see: all, or those owned by (or escalated to) a set of bodies. Every query that returns
/// cases takes a scope, so an executor's view is narrowed in SQL, not filtered after the fact.
/// </summary>
public sealed record CaseScope(IReadOnlyList<long>? BodyIds)
{
    public static readonly CaseScope All = new((IReadOnlyList<long>?)null);

    /// <summary>
    /// The most bodies a list reads as separate index ranges (<see cref="CaseSession.ListCasesAsync"/>); a wider scope is
    /// one condition and a sort. A body with its children is a handful; two branches per body keep the statement small.
    /// </summary>
    internal const int MaxBranchedBodies = 16;

    public bool IsAll => BodyIds is null;

    public bool Allows(long? bodyId, long? escalatedTo) =>
        BodyIds is null || (bodyId is { } b && BodyIds.Contains(b)) || (escalatedTo is { } e && BodyIds.Contains(e));

    internal string Sql()
    {
        if (BodyIds is null)
        {
            return "1=1";
        }

        if (BodyIds.Count == 0)
        {
            return "1=0";
        }

        // Ids are longs from our own tables: safe to inline, and it lets the planner use the body index.
        var list = string.Join(',', BodyIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"(c.body_id IN ({list}) OR c.escalated_to_body_id IN ({list}))";
    }
}
