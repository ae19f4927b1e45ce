namespace Otklik.Ratings.Engine;

/// <summary>
/// Counts per key in fixed memory (4 × 2^20 counters, 16 MB, allocated on first use). Counts may be over-estimated,
/// never under-estimated, so the author cap built on it can only cap a little early, never let an author through.
/// </summary>
internal sealed class CountMinSketch
{
    private const int Depth = 4;
    private const int WidthBits = 20;
    private const int Mask = (1 << WidthBits) - 1;
    private int[][]? _rows;

    /// <summary>Adds one to the key and returns its estimated count including this one.</summary>
    public int Increment(ulong key)
    {
        _rows ??= Enumerable.Range(0, Depth).Select(_ => new int[1 << WidthBits]).ToArray();
        var min = int.MaxValue;
        for (var row = 0; row < Depth; row++)
        {
            var slot = (int)((key >> (row * 16)) ^ (key >> 40 << row)) & Mask;
            var value = ++_rows[row][slot];
            min = Math.Min(min, value);
        }

        return min;
    }
}
