namespace Otklik.Text.Features;

/// <summary>
/// Resolved words by a 64-bit hash of their characters: an open-addressing table whose slot holds the hash and the
/// word, so a look-up costs one cache miss for the slot and one for the word (a ConcurrentDictionary costs four:
/// bucket, node, key string, value). Words are not compared: two of the at most <see cref="Capacity"/> words share a
/// 64-bit hash with odds of about 1 in 10^8. Reads take no lock; additions are serialized and growth publishes a new
/// table, so a reader sees either table, and at worst resolves a word again.
/// </summary>
internal sealed class WordCache
{
    /// <summary>How many words are kept at most, so that a stream of garbage cannot grow the cache without end.</summary>
    public const int Capacity = 400_000;

    private readonly Lock _writing = new();
    private Slot[] _slots = new Slot[1 << 14];
    private int _count;

    public static long Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037ul;
        foreach (var ch in word)
        {
            h = (h ^ ch) * 1099511628211ul;
        }

        // fmix64 of MurmurHash3: FNV's low bits alone are poorly mixed for the table index.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdul;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ul;
        h ^= h >> 33;
        return h == 0 ? 1 : (long)h;
    }

    /// <summary>Loads the slots of <paramref name="hashes"/> into the cache, all at once (see <see cref="Vocabulary.FindMany"/>).</summary>
    /// <returns>A value the caller keeps, so that the loads are not optimized away.</returns>
    public long Touch(ReadOnlySpan<long> hashes)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        long touched = 0;
        foreach (var hash in hashes)
        {
            touched ^= slots[(int)hash & mask].Hash;
        }

        return touched;
    }

    public TokenColumns? Find(long hash)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var at = (int)hash & mask; ; at = (at + 1) & mask)
        {
            var stored = Volatile.Read(ref slots[at].Hash);
            if (stored == hash)
            {
                return slots[at].Word;
            }

            if (stored == 0)
            {
                return null;
            }
        }
    }

    public void Add(long hash, TokenColumns word)
    {
        lock (_writing)
        {
            if (_count >= Capacity || Find(hash) is not null)
            {
                return;
            }

            if ((_count + 1) * 2 > _slots.Length)
            {
                var grown = new Slot[_slots.Length * 2];
                foreach (var slot in _slots)
                {
                    if (slot.Hash != 0)
                    {
                        Put(grown, slot.Hash, slot.Word!);
                    }
                }

                Volatile.Write(ref _slots, grown);
            }

            Put(_slots, hash, word);
            _count++;
        }
    }

    private static void Put(Slot[] slots, long hash, TokenColumns word)
    {
        var mask = slots.Length - 1;
        var at = (int)hash & mask;
        while (slots[at].Hash != 0)
        {
            at = (at + 1) & mask;
        }

        // The word before the hash: a reader that sees the hash sees the word.
        slots[at].Word = word;
        Volatile.Write(ref slots[at].Hash, hash);
    }

    private struct Slot
    {
        public long Hash;
        public TokenColumns? Word;
    }
}
