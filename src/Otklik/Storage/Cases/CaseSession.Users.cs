using System.Data.Common;
using System.Globalization;
using Otklik.Access;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string UserColumns = "id, name, role, body_id, include_children, password_hash, created_at FROM users";

    /// <summary>Adds a user; null when the name is taken.</summary>
    public async Task<long?> AddUserAsync(string name, Role role, long? bodyId, bool includeChildBodies, string? passwordHash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ScalarAsync(
            """
            INSERT INTO users (name, role, body_id, include_children, password_hash, created_at)
            VALUES (@n, @r, @b, @c, @h, @at) ON CONFLICT (name) DO NOTHING RETURNING id
            """,
            cancellationToken, ("n", name), ("r", DbEnum<Role>.ToDb(role)), ("b", bodyId), ("c", Db.Flag(includeChildBodies)), ("h", passwordHash), ("at", T(at)))
            is { } id ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;

    public async Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {UserColumns} WHERE name = @n", ReadUser, cancellationToken, ("n", name))).FirstOrDefault();

    public async Task<UserRecord?> GetUserAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {UserColumns} WHERE id = @id", ReadUser, cancellationToken, ("id", id))).FirstOrDefault();

    public Task<List<UserRecord>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {UserColumns} ORDER BY name", ReadUser, cancellationToken);

    public async Task<long> CountUsersAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM users", cancellationToken), CultureInfo.InvariantCulture);

    public Task<int> SetPasswordHashAsync(long userId, string hash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE users SET password_hash = @h WHERE id = @id", cancellationToken, ("id", userId), ("h", hash));

    public async Task<long> AddApiKeyAsync(long userId, string name, string keyHash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await ScalarAsync(
            "INSERT INTO api_keys (user_id, name, key_hash, created_at) VALUES (@u, @n, @h, @at) RETURNING id",
            cancellationToken, ("u", userId), ("n", name), ("h", keyHash), ("at", T(at))), CultureInfo.InvariantCulture);

    /// <summary>The user an unrevoked API key belongs to, by the key's hash.</summary>
    public async Task<UserRecord?> FindUserByApiKeyAsync(string keyHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            "SELECT u.id, u.name, u.role, u.body_id, u.include_children, u.password_hash, u.created_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = @h AND k.revoked_at IS NULL",
            ReadUser, cancellationToken, ("h", keyHash))).FirstOrDefault();

    private UserRecord ReadUser(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), DbEnum<Role>.Parse(r.GetString(2)), Db.Long(r, 3), r.GetInt64(4) != 0, Db.Str(r, 5), Time(r, 6));
}
