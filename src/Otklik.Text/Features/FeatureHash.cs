namespace Otklik.Text.Features;

/// <summary>
/// 32-bit keys for features: FNV-1a over the characters with a seed per kind, so a stem and a char n-gram with the
/// same letters are different features. Keys, not strings, go into the model file: it holds no training words.
/// </summary>
internal static class FeatureHash
{
    public const uint StemSeed = 0x9E3779B1;
    public const uint CharSeed = 0x85EBCA77;
    public const uint PairSeed = 0xC2B2AE3D;

    public static int Of(ReadOnlySpan<char> text, uint seed)
    {
        var hash = 2166136261u ^ seed;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)Mix(hash);
    }

    /// <summary>The key of "<paramref name="prefix"/>" followed by the n-gram, without building the string.</summary>
    public static int OfChars(char prefix, ReadOnlySpan<char> middle, char suffix, uint seed)
    {
        var hash = 2166136261u ^ seed;
        if (prefix != '\0')
        {
            hash = (hash ^ prefix) * 16777619u;
        }

        foreach (var ch in middle)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        if (suffix != '\0')
        {
            hash = (hash ^ suffix) * 16777619u;
        }

        return (int)Mix(hash);
    }

    /// <summary>The state before the first character: <see cref="Step"/> each character, then <see cref="Finish"/>.</summary>
    public static uint Start(uint seed) => 2166136261u ^ seed;

    public static uint Step(uint hash, char ch) => (hash ^ ch) * 16777619u;

    public static int Finish(uint hash) => (int)Mix(hash);

    public static int Pair(int first, int second) =>
        (int)Mix(((uint)first * 0x9E3779B1u) ^ ((uint)second + PairSeed + ((uint)first << 6) + ((uint)first >> 2)));

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
