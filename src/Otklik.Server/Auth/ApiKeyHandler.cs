using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Otklik.Access;
using Otklik.Storage.Cases;

namespace Otklik.Server.Auth;

/// <summary>
/// Authenticates integrators by <c>X-Api-Key</c> (or Open311's <c>api_key</c> query or form parameter): the key's SHA-256 is looked
/// up among unrevoked keys; the caller is the key's user with that user's role.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CaseDatabase database)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (string.IsNullOrEmpty(key) && Request.HasFormContentType && HttpMethods.IsPost(Request.Method))
        {
            // Open311 clients send api_key as a form field of the POST itself.
            var form = await Request.ReadFormAsync(Context.RequestAborted);
            key = form.TryGetValue("api_key", out var field) && field.Count > 0 ? field[0] : null;
        }

        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        await using var session = await database.OpenAsync(write: false, Context.RequestAborted);
        var user = await session.FindUserByApiKeyAsync(ApiKeys.HashOf(key), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(Principals.For(user, Scheme.Name), Scheme.Name));
    }

    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(OtklikClaims.ApiKeyHeader, out var header) && header.Count > 0)
        {
            return header[0];
        }

        return request.Query.TryGetValue("api_key", out var query) && query.Count > 0 ? query[0] : null;
    }
}
