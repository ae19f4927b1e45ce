namespace Otklik.Ratings.Engine;

/// <summary>
/// The last closure of each (topic, place) in fixed memory: 2^20 slots, allocated on first use. A slot keeps a
/// 64-bit fingerprint, so a collision loses an old closure (a repeat may be missed) but never invents one.
/// Exact while the distinct (topic, place) pairs of the recent window stay well below a million.
/// </summary>
/// <remarks>
/// A slot's fingerprint and time sit side by side (one array, 16 bytes a slot): every case looks up a random slot,
/// and one cache miss instead of two is a measurable part of reading ten million cases.
/// </remarks>
internal sealed class RecentClosures
{
    private const int SlotBits = 20;
    private long[]? _slots;

    public void Closed(ulong key, DateTimeOffset at)
    {
        _slots ??= new long[2 << SlotBits];
        var slot = Slot(key);
        if ((ulong)_slots[slot] != key || _slots[slot + 1] < at.UtcTicks)
        {
            _slots[slot] = (long)key;
            _slots[slot + 1] = at.UtcTicks;
        }
    }

    /// <summary>Whether a case about the same key was closed before <paramref name="createdAt"/>, within the window.</summary>
    public bool IsRepeat(ulong key, DateTimeOffset createdAt, TimeSpan window)
    {
        if (_slots is null)
        {
            return false;
        }

        var slot = Slot(key);
        if ((ulong)_slots[slot] != key)
        {
            return false;
        }

        var closed = _slots[slot + 1];
        return closed < createdAt.UtcTicks && createdAt.UtcTicks - closed <= window.Ticks;
    }

    private static int Slot(ulong key) => (int)(key & ((1UL << SlotBits) - 1)) * 2;
}
