using System.Data.Common;
using Otklik.Folding;
using Otklik.Model;

namespace Otklik.Storage.Sql;

internal abstract partial class SqlStore
{
    private const string BodyColumns = "id, name, short_name, level, region_code, parent_id, region, district, city, contacts";

    public async Task<BodyUpsertOutcome> UpsertBodiesAsync(IReadOnlyList<BodyEntry> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int added = 0, updated = 0;
        foreach (var entry in bodies)
        {
            var body = entry.Body;
            var folded = RussianText.FoldName(body.Name);
            var existing = await FindBodyIdAsync(connection, transaction, folded, cancellationToken).ConfigureAwait(false);
            var sql = existing is null
                ? """
                  INSERT INTO bodies (name, folded_name, short_name, level, region_code, region, district, city, contacts)
                  VALUES (@name, @folded, @short, @level, @region_code, @region, @district, @city, @contacts)
                  """
                : """
                  UPDATE bodies SET name = @name, short_name = @short, level = @level, region_code = @region_code,
                    region = @region, district = @district, city = @city, contacts = @contacts
                  WHERE folded_name = @folded
                  """;
            await using var command = connection.Command(sql, transaction);
            command.Add("@name", body.Name.Trim());
            command.Add("@folded", folded);
            command.Add("@short", body.ShortName);
            command.Add("@level", DbEnum<BodyLevel>.ToDb(body.Level));
            command.Add("@region_code", body.RegionCode ?? body.Territory.RegionCode);
            command.Add("@region", body.Territory.Region);
            command.Add("@district", body.Territory.District);
            command.Add("@city", body.Territory.City);
            command.Add("@contacts", body.Contacts);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                added++;
            }
            else
            {
                updated++;
            }
        }

        // Parents second: a file may list a regional office before its federal parent.
        foreach (var entry in bodies.Where(b => !string.IsNullOrWhiteSpace(b.ParentName)))
        {
            var parentId = await FindBodyIdAsync(connection, transaction, RussianText.FoldName(entry.ParentName!), cancellationToken)
                .ConfigureAwait(false);
            await using var command = connection.Command("UPDATE bodies SET parent_id = @parent WHERE folded_name = @folded", transaction);
            command.Add("@parent", parentId);
            command.Add("@folded", RussianText.FoldName(entry.Body.Name));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BodyUpsertOutcome(added, updated);
    }

    public async Task<IReadOnlyList<Body>> ListBodiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {BodyColumns} FROM bodies ORDER BY folded_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var bodies = new List<Body>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            bodies.Add(new Body(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.NullableString(2),
                DbEnum<BodyLevel>.Parse(reader.GetString(3)),
                reader.NullableString(4),
                reader.NullableInt64(5),
                new Territory(reader.NullableString(4), reader.NullableString(6), reader.NullableString(7), reader.NullableString(8)),
                reader.NullableString(9)));
        }

        return bodies;
    }

    private static async Task<long?> FindBodyIdAsync(
        DbConnection connection, DbTransaction transaction, string folded, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT id FROM bodies WHERE folded_name = @folded", transaction);
        command.Add("@folded", folded);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id ? id : null;
    }
}
