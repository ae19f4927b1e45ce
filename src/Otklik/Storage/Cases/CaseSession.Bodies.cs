using System.Data.Common;
using System.Globalization;
using Otklik.Folding;
using Otklik.Model;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string BodyColumns = "id, name, short_name, level, region_code, parent_id, region, district, city, contacts FROM bodies";

    // Whether this transaction holds WriteLocks.Bodies (PostgreSQL; to the commit).
    private bool _addingBodies;

    /// <summary>
    /// Adds a body, or returns the id of the one with the same folded name. PostgreSQL: the transaction's first call
    /// takes <see cref="WriteLocks.Bodies"/> until it commits.
    /// </summary>
    public async Task<long> AddBodyAsync(Body body, CancellationToken cancellationToken = default)
    {
        if (IsPostgres && !_addingBodies && _transaction is not null)
        {
            await ExecuteAsync($"SELECT pg_advisory_xact_lock({WriteLocks.Bodies})", cancellationToken);
            _addingBodies = true;
        }

        var key = RussianText.FoldName(body.Name);
        var id = await ScalarAsync(
            """
            INSERT INTO bodies (name, folded_name, short_name, level, region_code, parent_id, region, district, city, contacts)
            VALUES (@n, @k, @s, @l, @rc, @p, @r, @d, @c, @contacts) ON CONFLICT (folded_name) DO NOTHING RETURNING id
            """,
            cancellationToken, ("n", body.Name.Trim()), ("k", key), ("s", body.ShortName), ("l", DbEnum<BodyLevel>.ToDb(body.Level)),
            ("rc", body.RegionCode), ("p", body.ParentId), ("r", body.Territory.Region), ("d", body.Territory.District),
            ("c", body.Territory.City), ("contacts", body.Contacts));
        return id is not null
            ? Convert.ToInt64(id, CultureInfo.InvariantCulture)
            : (await FindBodyByNameAsync(body.Name, cancellationToken))!.Value;
    }

    public async Task<long?> FindBodyByNameAsync(string name, CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT id FROM bodies WHERE folded_name = @k", cancellationToken, ("k", RussianText.FoldName(name))) is { } id
            ? Convert.ToInt64(id, CultureInfo.InvariantCulture)
            : null;

    public Task<List<Body>> ListBodiesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {BodyColumns} ORDER BY name", ReadBody, cancellationToken);

    public async Task<Body?> GetBodyAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {BodyColumns} WHERE id = @id", ReadBody, cancellationToken, ("id", id))).FirstOrDefault();

    /// <summary>A body and, when <paramref name="withDescendants"/>, all bodies below it (regional offices of a federal body).</summary>
    public async Task<List<long>> BodyTreeAsync(long bodyId, bool withDescendants, CancellationToken cancellationToken = default)
    {
        var result = new List<long> { bodyId };
        if (!withDescendants)
        {
            return result;
        }

        var all = await QueryAsync("SELECT id, parent_id FROM bodies WHERE parent_id IS NOT NULL", r => (Id: r.GetInt64(0), Parent: r.GetInt64(1)), cancellationToken);
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(b => b.Parent == result[i] && !result.Contains(b.Id)).Select(b => b.Id));
        }

        return result;
    }

    public async Task<long> AddAccountAsync(Account account, CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await ScalarAsync(
            """
            INSERT INTO accounts (platform, handle, url, kind, owner_body_id, owner_official_id, followers)
            VALUES (@p, @h, @u, @k, @b, @o, @f) RETURNING id
            """,
            cancellationToken, ("p", DbEnum<Platform>.ToDb(account.Platform)), ("h", account.Handle), ("u", account.Url), ("k", DbEnum<AccountKind>.ToDb(account.Kind)),
            ("b", account.OwnerBodyId), ("o", account.OwnerOfficialId), ("f", account.Followers)), CultureInfo.InvariantCulture);

    public Task<List<Account>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, platform, handle, url, kind, owner_body_id, owner_official_id, followers FROM accounts ORDER BY id",
            r => new Account(r.GetInt64(0), DbEnum<Platform>.Parse(r.GetString(1)), r.GetString(2), Db.Str(r, 3),
                DbEnum<AccountKind>.Parse(r.GetString(4)), Db.Long(r, 5), Db.Long(r, 6), Db.Long(r, 7)),
            cancellationToken);

    private Body ReadBody(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Db.Str(r, 2), DbEnum<BodyLevel>.Parse(r.GetString(3)), Db.Str(r, 4), Db.Long(r, 5),
        new Territory(Db.Str(r, 4), Db.Str(r, 6), Db.Str(r, 7), Db.Str(r, 8)), Db.Str(r, 9));
}
