using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 9 of both dialects. Drops the analytics rollups so the next dashboard read rebuilds them with the smaller
/// cubes (<see cref="CaseSession.Cubes"/>; they are derived data, created outside the migrations), and gives the cases
/// stored without a region code the code of their body (<see cref="Processing.BodyRegion"/>: the label analyzer kept
/// region names only, so the region filter found none of them). Names compare as stored here, without folding; the
/// triggers of migration 6 move the open counts along.
/// </summary>
internal static class RollupCubeSchema
{
    private const string Description = "analytics rollups rebuilt as cubes; cases take their body's region code";

    private const string Sql = """
        DROP TABLE IF EXISTS analytics_daily;
        DROP TABLE IF EXISTS analytics_weekly;
        DROP TABLE IF EXISTS analytics_topics;
        DROP TABLE IF EXISTS analytics_state;
        UPDATE cases SET
          region = COALESCE(region, (SELECT b.region FROM bodies b WHERE b.id = cases.body_id)),
          region_code = (SELECT b.region_code FROM bodies b WHERE b.id = cases.body_id)
        WHERE region_code IS NULL AND body_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM bodies b WHERE b.id = cases.body_id AND b.region_code IS NOT NULL
            AND (cases.region IS NULL OR b.region IS NULL OR cases.region = b.region
              OR substr(cases.region, 1, length(b.region) + 1) = b.region || ' '
              OR substr(b.region, 1, length(cases.region) + 1) = cases.region || ' '));
        """;

    public static readonly Migration Sqlite = new(9, Description, Sql);

    public static readonly Migration Postgres = new(9, Description, Sql);
}
