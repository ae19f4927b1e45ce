using Otklik.Access;

namespace Otklik.Storage.Cases;

/// <summary>A person or integration that signs in. <see cref="PasswordHash"/> is a PBKDF2 hash, never the password.</summary>
public sealed record UserRecord(long Id, string Name, Role Role, long? BodyId, bool IncludeChildBodies, string? PasswordHash, DateTimeOffset CreatedAt);
