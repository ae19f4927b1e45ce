namespace Otklik.Ratings.Engine;

/// <summary>
/// Counts per key in fixed memory (2^25 one-byte counters, 32 MB, allocated on first use), saturating at 255. Counts
/// may be over-estimated, never under-estimated (below 255), so the author cap built on it can only cap a little early,
/// never let an author through.
/// </summary>
/// <remarks>
/// Sized for a national quarter: ten million cases are about ten million (author, body) keys, and each key adds to four
/// counters; 32 million counters keep a key's estimate exact but for about one in a hundred million. (The earlier
/// 4 × 2^20 int counters carried ~10 keys each at that scale, so most authors looked over a cap of 5.) One-byte
/// counters suffice because the cap only asks "more than a few?".
/// Blocked: a key's four counters lie in one 64-byte block (one in each quarter of it, so they are distinct), chosen by
/// the key's high bits. Every case increments one key, and one cache miss instead of four is most of its cost.
/// </remarks>
internal sealed class CountMinSketch
{
    private const int BlockBits = 19;
    private const int BlockBytes = 64;
    private byte[]? _counters;

    /// <summary>Adds one to the key and returns its estimated count including this one.</summary>
    public int Increment(ulong key)
    {
        _counters ??= new byte[BlockBytes << BlockBits];
        var block = (int)(key >> (64 - BlockBits)) * BlockBytes;
        var min = int.MaxValue;
        for (var row = 0; row < 4; row++)
        {
            ref var counter = ref _counters[block + row * 16 + (int)((key >> (row * 4)) & 15)];
            if (counter < byte.MaxValue)
            {
                counter++;
            }

            min = Math.Min(min, counter);
        }

        return min;
    }
}
