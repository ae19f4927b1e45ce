namespace Otklik.Server.Auth;

/// <summary>The claims the server puts on a signed-in caller.</summary>
internal static class OtklikClaims
{
    public const string UserId = "otklik:uid";
    public const string Body = "otklik:body";
    public const string IncludeChildren = "otklik:children";
    public const string Scheme = "otklik";
    public const string ApiKeyScheme = "apikey";
    public const string ApiKeyHeader = "X-Api-Key";
}
