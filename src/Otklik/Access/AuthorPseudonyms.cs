using System.Security.Cryptography;
using System.Text;
using Otklik.Folding;

namespace Otklik.Access;

/// <summary>
/// Turns an author's name or handle into a stable pseudonymous id (HMAC-SHA256 under a secret key), so the same
/// resident's messages can be linked without storing who they are. Without the key the id cannot be reversed
/// by trying names.
/// </summary>
public sealed class AuthorPseudonyms(byte[] key)
{
    public string? Pseudonymize(string? author)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            return null;
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(RussianText.Fold(author)));
        return "a_" + Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }
}
