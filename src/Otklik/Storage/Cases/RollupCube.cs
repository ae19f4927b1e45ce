namespace Otklik.Storage.Cases;

/// <summary>
/// One analytics rollup table: rows of (day, seq) keyed by <paramref name="Keys"/>, with <paramref name="Measures"/> as
/// (column, aggregate over the source rows). Smaller cubes drop keys, so a read that neither groups nor filters by them
/// reads far fewer rows. <paramref name="Source"/> is the cube it is summed from, null for the ones counted from cases.
/// </summary>
internal sealed record RollupCube(string Name, string? Source, IReadOnlyList<string> Keys, IReadOnlyList<(string Column, string Aggregate)> Measures)
{
    /// <summary>Whether a read grouping and filtering by these columns can be answered from this cube.</summary>
    public bool Covers(IEnumerable<string> columns) => columns.All(c => Keys.Contains(c, StringComparer.Ordinal));
}
