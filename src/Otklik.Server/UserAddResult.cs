using Otklik.Storage.Cases;

namespace Otklik.Server;

/// <summary>The new user, or the field at fault and why.</summary>
public sealed record UserAddResult(UserRecord? User, string? Field, string? Error)
{
    public static UserAddResult Fail(string field, string error) => new(null, field, error);
}
