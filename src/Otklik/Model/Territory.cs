namespace Otklik.Model;

/// <summary>
/// A place at the precision it is known: a region, optionally narrowed to a district and a city or settlement.
/// Names are stored as written in the gazetteer; comparisons fold them (see <see cref="Folding.RussianText"/>), never by culture.
/// </summary>
public sealed record Territory(string? RegionCode, string? Region, string? District = null, string? City = null)
{
    public static readonly Territory Unknown = new(null, null);

    public bool IsUnknown => RegionCode is null && Region is null && District is null && City is null;

    public override string ToString() =>
        string.Join(", ", new[] { Region, District, City }.Where(part => !string.IsNullOrEmpty(part)));
}
