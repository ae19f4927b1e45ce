using Otklik.Model;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Cases_stored_without_a_region_code_take_their_bodys_when_migrated_unless_they_name_another_region()
    {
        var db = await NewDatabaseAsync();
        var database = new CaseDatabase(SqlDialect.FromDb(db));
        await OlderSchema.MigrateToAsync(database, 8); // every migration before the region backfill (9)
        long[] ids;
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            var body = await session.AddBodyAsync(new Body(0, "Комитет ЖКХ", null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null));
            var noCode = await session.AddBodyAsync(new Body(0, "Федеральное агентство", null, BodyLevel.Federal, null, null, Territory.Unknown, null));
            Territory[] places = [new(null, "Курская", City: "Курск"), Territory.Unknown, new(null, "Орловская область"), new("57", "Орловская область"), new(null, "Курская область")];
            long?[] bodies = [body, body, body, body, noCode];
            ids = await session.CreateCasesAsync(places.Select((p, i) => new NewCase(
                "1", "Ямы", p, bodies[i], CaseStatus.Assigned, Now.AddDays(1), Now.AddDays(30), Now, "input", 1.0, [], [(byte)i], false)).ToList());
            await session.CommitAsync();
        }

        await using (await OtklikStores.OpenAsync(db, null, CancellationToken.None))
        {
            // Opening migrates to the code's version.
        }

        await using var reader = await database.OpenAsync(write: false);
        var found = new List<(string?, string?)>();
        foreach (var id in ids)
        {
            var c = (await reader.GetCaseAsync(id, CaseScope.All, Now))!;
            found.Add((c.RegionCode, c.Region));
        }

        Assert.Equal([("46", "Курская"), ("46", "Курская область"), (null, "Орловская область"), ("57", "Орловская область"), (null, "Курская область")], found);
    }
}
