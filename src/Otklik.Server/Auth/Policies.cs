namespace Otklik.Server.Auth;

/// <summary>Authorization policies by what an endpoint does.</summary>
internal static class Policies
{
    /// <summary>Any signed-in caller (executors further narrowed by scope).</summary>
    public const string Read = "read";

    /// <summary>Admins, operators and executors: people who work cases.</summary>
    public const string Work = "work";

    /// <summary>Admins, operators and integrators: who may push messages.</summary>
    public const string Ingest = "ingest";

    /// <summary>Admins only: users, the registry.</summary>
    public const string Admin = "admin";
}
