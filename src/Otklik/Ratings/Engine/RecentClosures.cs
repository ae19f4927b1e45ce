namespace Otklik.Ratings.Engine;

/// <summary>
/// The last closure of each (topic, place) in fixed memory: 2^20 slots, allocated on first use. A slot keeps a
/// 64-bit fingerprint, so a collision loses an old closure (a repeat may be missed) but never invents one.
/// Exact while the distinct (topic, place) pairs of the recent window stay well below a million.
/// </summary>
internal sealed class RecentClosures
{
    private const int SlotBits = 20;
    private ulong[]? _keys;
    private long[]? _closedTicks;

    public void Closed(ulong key, DateTimeOffset at)
    {
        _keys ??= new ulong[1 << SlotBits];
        _closedTicks ??= new long[1 << SlotBits];
        var slot = Slot(key);
        if (_keys[slot] != key || _closedTicks[slot] < at.UtcTicks)
        {
            _keys[slot] = key;
            _closedTicks[slot] = at.UtcTicks;
        }
    }

    /// <summary>Whether a case about the same key was closed before <paramref name="createdAt"/>, within the window.</summary>
    public bool IsRepeat(ulong key, DateTimeOffset createdAt, TimeSpan window)
    {
        if (_keys is null || _closedTicks is null)
        {
            return false;
        }

        var slot = Slot(key);
        if (_keys[slot] != key)
        {
            return false;
        }

        var closed = _closedTicks[slot];
        return closed < createdAt.UtcTicks && createdAt.UtcTicks - closed <= window.Ticks;
    }

    private static int Slot(ulong key) => (int)(key & ((1UL << SlotBits) - 1));
}
