using System.Text;
using Otklik.Folding;

namespace Otklik.Processing;

/// <summary>
/// A MinHash signature (32 minima over character 5-gram shingles of the folded text, letters and digits only):
/// the share of equal minima estimates the Jaccard similarity of two texts, so a copy-pasted mass complaint with a
/// different greeting or house number still matches, while storing 128 bytes per case instead of the text.
/// </summary>
public static class TextFingerprint
{
    private const int Hashes = 32;
    private const int Shingle = 5;

    public static byte[] Of(string text)
    {
        var folded = Normalize(text);
        var minima = new uint[Hashes];
        Array.Fill(minima, uint.MaxValue);
        if (folded.Length < Shingle)
        {
            Update(minima, Fnv(folded.AsSpan()));
        }

        for (var i = 0; i + Shingle <= folded.Length; i++)
        {
            Update(minima, Fnv(folded.AsSpan(i, Shingle)));
        }

        var bytes = new byte[Hashes * 4];
        for (var i = 0; i < Hashes; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), minima[i]);
        }

        return bytes;
    }

    /// <summary>Estimated Jaccard similarity in 0..1; 0 when either signature is missing or malformed.</summary>
    public static double Similarity(byte[] a, byte[] b)
    {
        if (a.Length != Hashes * 4 || b.Length != Hashes * 4)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < Hashes; i++)
        {
            if (BitConverter.ToUInt32(a, i * 4) == BitConverter.ToUInt32(b, i * 4))
            {
                equal++;
            }
        }

        return equal / (double)Hashes;
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in RussianText.Fold(text))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(ch);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static ulong Fnv(ReadOnlySpan<char> span)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in span)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }

    private static void Update(uint[] minima, ulong hash)
    {
        // Each of the 32 hash functions is the shingle hash remixed with a different odd multiplier (cheap and independent enough).
        for (var i = 0; i < minima.Length; i++)
        {
            var mixed = (hash ^ (hash >> 29)) * (0x9E3779B97F4A7C15UL + ((ulong)i * 0xBF58476D1CE4E5B9UL | 1));
            var value = (uint)(mixed >> 32);
            if (value < minima[i])
            {
                minima[i] = value;
            }
        }
    }
}
