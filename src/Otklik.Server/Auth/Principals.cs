using System.Globalization;
using System.Security.Claims;
using Otklik.Access;
using Otklik.Storage.Cases;

namespace Otklik.Server.Auth;

/// <summary>Builds the principal of a user, for the cookie and for API keys alike.</summary>
internal static class Principals
{
    public static ClaimsPrincipal For(UserRecord user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(OtklikClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role.ToString()),
        };
        if (user.BodyId is { } body)
        {
            claims.Add(new Claim(OtklikClaims.Body, body.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.IncludeChildBodies)
        {
            claims.Add(new Claim(OtklikClaims.IncludeChildren, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string RoleName(Role role) => role.ToString();
}
