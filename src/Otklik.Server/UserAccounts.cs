using Otklik.Access;
using Otklik.Storage.Cases;

namespace Otklik.Server;

/// <summary>Creates users with validation; shared by the users API, <c>otklik users add</c> and the demo.</summary>
public sealed class UserAccounts(CaseDatabase database, TimeProvider time)
{
    /// <summary>Passwords shorter than this are refused. 10 characters.</summary>
    public const int MinPasswordLength = 10;

    public async Task<UserAddResult> AddAsync(string? name, string? role, long? bodyId, bool includeChildBodies, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return UserAddResult.Fail("name", "must be 1 to 100 characters");
        }

        if (role is null || !Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) || int.TryParse(role, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return UserAddResult.Fail("role", "use admin, operator, executor, analyst or integrator");
        }

        if (parsed == Role.Executor && bodyId is null)
        {
            return UserAddResult.Fail("bodyId", "an executor is bound to one body");
        }

        if (parsed != Role.Integrator && (password is null || password.Length < MinPasswordLength))
        {
            return UserAddResult.Fail("password", $"at least {MinPasswordLength} characters");
        }

        await using var session = await database.OpenAsync(write: true, cancellationToken);
        if (bodyId is { } b && await session.GetBodyAsync(b, cancellationToken) is null)
        {
            return UserAddResult.Fail("bodyId", $"no body with id {b}");
        }

        var hash = string.IsNullOrEmpty(password) ? null : PasswordHashing.Hash(password);
        var id = await session.AddUserAsync(name.Trim(), parsed, bodyId, includeChildBodies, hash, time.GetUtcNow(), cancellationToken);
        if (id is null)
        {
            return UserAddResult.Fail("name", $"a user named '{name.Trim()}' exists");
        }

        var user = await session.GetUserAsync(id.Value, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new UserAddResult(user, null, null);
    }
}
