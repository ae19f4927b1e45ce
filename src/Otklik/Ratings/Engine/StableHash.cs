namespace Otklik.Ratings.Engine;

/// <summary>FNV-1a over UTF-16 code units: stable across runs and machines (string.GetHashCode is randomized per process).</summary>
internal static class StableHash
{
    public static ulong Of(string? a, string? b = null)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, a);
        hash ^= 0x1F;
        hash *= 1099511628211UL;
        hash = Mix(hash, b);
        // A final avalanche so the low bits used as slot indexes are well spread.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    private static ulong Mix(ulong hash, string? text)
    {
        if (text is null)
        {
            return hash;
        }

        foreach (var ch in text)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
