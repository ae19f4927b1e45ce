using System.Security.Cryptography;
using System.Text;
using Otklik.Errors;

namespace Otklik.Privacy;

/// <summary>
/// Turns an author's name or handle into a stable pseudonym: a keyed hash (HMAC-SHA256), so the same author gets the
/// same id across imports, while without the key nobody can test a guessed name against the stored ids.
/// </summary>
public sealed class Pseudonymizer
{
    private const string KeyFileName = "pseudonym.key";

    // Authors repeat: remembering recent pseudonyms skips most HMACs, the costliest step of parsing a message.
    private const int MaxCached = 100_000;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();
    private readonly HMACSHA256 _hmac;

    public Pseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new OtklikException("The pseudonym key is shorter than 16 bytes.", "Use a random key of 32 bytes or more.");
        }

        _hmac = new HMACSHA256(key);
    }

    /// <summary>
    /// Uses the configured key, else the key file in <paramref name="dataDirectory"/>, generating it on first use.
    /// The file is readable by its owner only; it never belongs in the repository.
    /// </summary>
    public static Pseudonymizer FromSettings(string? configuredKey, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return new Pseudonymizer(Encoding.UTF8.GetBytes(configuredKey.Trim()));
        }

        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            var fresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(fresh));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process generated it at the same moment: use theirs.
            }
        }

        var text = File.ReadAllText(path).Trim();
        return new Pseudonymizer(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A pseudonym like <c>a_3f9c…</c> (20 hex digits); null for a missing or blank author.</summary>
    public string? Pseudonymize(string? author)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            return null;
        }

        lock (_cacheLock)
        {
            if (_cache.TryGetValue(author, out var known))
            {
                return known;
            }
        }

        lock (_cacheLock)
        {
            var pseudonym = Compute(author);
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[author] = pseudonym;
            return pseudonym;
        }
    }

    private string Compute(string author)
    {
        Span<byte> hash = stackalloc byte[32];
        var normalized = author.Trim();
        var byteCount = Encoding.UTF8.GetByteCount(normalized);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(normalized, buffer);
        // One keyed instance, reused under the lock: the one-shot HashData sets the key up again on every call.
        _hmac.TryComputeHash(buffer, hash, out _);
        return "a_" + Convert.ToHexStringLower(hash[..10]);
    }
}
