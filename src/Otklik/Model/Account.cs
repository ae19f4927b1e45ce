namespace Otklik.Model;

/// <summary>An official account on a platform, owned by a body or by an official (exactly one of the two).</summary>
public sealed record Account(
    long Id,
    Platform Platform,
    string Handle,
    string? Url,
    AccountKind Kind,
    long? OwnerBodyId,
    long? OwnerOfficialId,
    long? Followers);
