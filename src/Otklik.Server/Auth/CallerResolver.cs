using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Storage.Cases;

namespace Otklik.Server.Auth;

/// <summary>
/// Turns the signed-in principal into a <see cref="Caller"/> with its case scope. An executor's scope is its body and,
/// when granted, the bodies below it, read from the registry on each request (a registry change applies at once).
/// </summary>
internal static class CallerResolver
{
    public static async Task<Caller> ResolveAsync(HttpContext context, CaseDatabase database)
    {
        var user = context.User;
        var id = long.Parse(user.FindFirstValue(OtklikClaims.UserId)!, CultureInfo.InvariantCulture);
        var role = Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!);
        long? body = user.FindFirstValue(OtklikClaims.Body) is { } b ? long.Parse(b, CultureInfo.InvariantCulture) : null;
        var scope = CaseScope.All;
        if (role == Role.Executor)
        {
            if (body is null)
            {
                scope = new CaseScope([]);
            }
            else
            {
                await using var session = await database.OpenAsync(write: false, context.RequestAborted);
                scope = new CaseScope(await session.BodyTreeAsync(body.Value, user.HasClaim(OtklikClaims.IncludeChildren, "true"), context.RequestAborted));
            }
        }

        return new Caller(id, user.Identity!.Name!, role, body, scope);
    }
}
