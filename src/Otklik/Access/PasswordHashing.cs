using System.Globalization;
using System.Security.Cryptography;

namespace Otklik.Access;

/// <summary>
/// PBKDF2-HMAC-SHA512 (the OWASP-recommended 210,000 iterations) with a random 16-byte salt, stored as
/// <c>pbkdf2-sha512$iterations$salt$hash</c> so the cost can rise later without breaking old hashes.
/// </summary>
public static class PasswordHashing
{
    private const int Iterations = 210_000;

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha512${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != "pbkdf2-sha512"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
