using System.Security.Cryptography;
using System.Text;

namespace Otklik.Access;

/// <summary>
/// API keys and one-time tokens: 32 random bytes shown once, stored as SHA-256. A fast hash is right here (unlike
/// passwords): the secret has 256 bits of entropy, so there is nothing to brute-force, and look-up is by the hash.
/// </summary>
public static class ApiKeys
{
    public static string NewKey() => "otk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
