using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Otklik.Access;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>Browser sign-in with a cookie; integrators use API keys instead.</summary>
public static class AuthApi
{
    private static readonly Lazy<string> UnknownUserHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/sign-in", SignIn).AllowAnonymous();
        group.MapPost("/sign-out", SignOut).RequireAuthorization(Policies.Read);
        group.MapGet("/me", GetMe).RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInInput input, HttpContext context, CaseDatabase database, SignInThrottle throttle, ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Problems.Field("name", "must not be empty");
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            return Problems.Field("password", "must not be empty");
        }

        var name = input.Name.Trim();
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                detail: $"too many failed sign-ins; try again in {seconds} s", statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many attempts", type: Problems.Base + "sign-in-throttled");
        }

        UserRecord? user;
        await using (var session = await database.OpenAsync(write: false, context.RequestAborted))
        {
            user = await session.FindUserAsync(name, context.RequestAborted);
        }

        // An unknown name costs the same hashing as a wrong password, so timing does not tell which names exist.
        if (!PasswordHashing.Verify(input.Password, user?.PasswordHash ?? UnknownUserHash.Value) || user is null)
        {
            throttle.Failed(name, address);
            Log.SignInFailed(loggers.CreateLogger("Otklik.Server.Auth"), name);
            return TypedResults.Problem(detail: "name or password is wrong", statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed", type: Problems.Base + "sign-in");
        }

        throttle.Succeeded(name);
        var principal = Principals.For(user, OtklikClaims.Scheme + ".cookie");
        await context.SignInAsync(OtklikClaims.Scheme + ".cookie", principal);
        return TypedResults.Ok(new Me(user.Id, user.Name, CamelRole(user.Role), user.BodyId, null));
    }

    public static async Task<NoContent> SignOut(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(OtklikClaims.Scheme + ".cookie");
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Me>> GetMe(HttpContext context, CaseDatabase database)
    {
        var caller = await CallerResolver.ResolveAsync(context, database);
        return TypedResults.Ok(new Me(caller.UserId, caller.Name, CamelRole(caller.Role), caller.BodyId, caller.Scope.BodyIds));
    }

    internal static string CamelRole(Role role) => Otklik.Cases.CaseCommands.Name(role);

    internal static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "?";
}
