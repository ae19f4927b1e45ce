using System.Runtime.InteropServices;

namespace Otklik.Text.Classification;

/// <summary>
/// The weights of all heads in one feature-major array: column f's entries for every label of every head (labels
/// numbered across heads, as in the classifier's score vector) lie side by side, so one feature costs one look-up of
/// its start and one contiguous read. Built from the heads at load; the bundle keeps the per-head layout.
/// </summary>
internal sealed class JointWeights
{
    private readonly int[] _start;
    private readonly Entry[] _entries;

    public JointWeights(IReadOnlyList<LinearHead> heads, IReadOnlyList<int> offsets)
    {
        var columns = heads[0].Columns;
        if (offsets[^1] + heads[^1].LabelCount > ushort.MaxValue)
        {
            throw new ArgumentException($"{offsets[^1] + heads[^1].LabelCount} labels over all heads; at most {ushort.MaxValue} are supported");
        }

        _start = new int[columns + 1];
        _entries = new Entry[heads.Sum(h => h.Weights.Length)];
        var at = 0;
        for (var f = 0; f < columns; f++)
        {
            _start[f] = at;
            for (var h = 0; h < heads.Count; h++)
            {
                var head = heads[h];
                for (var p = head.ColumnStart[f]; p < head.ColumnStart[f + 1]; p++)
                {
                    _entries[at++] = new Entry((ushort)(offsets[h] + head.LabelOf[p]), head.Weights[p]);
                }
            }
        }

        _start[columns] = at;
    }

    /// <summary>Adds <paramref name="value"/> × the weights of <paramref name="column"/> to <paramref name="scores"/> (all heads).</summary>
    public void AddColumn(int column, float value, Span<float> scores)
    {
        foreach (ref readonly var entry in _entries.AsSpan(_start[column], _start[column + 1] - _start[column]))
        {
            scores[entry.Label] += entry.Weight * value;
        }
    }

    /// <summary>
    /// Adds values[i] × the weights of columns[i] for every i. The columns' weights are scattered over megabytes, so
    /// one column at a time waits for each miss in turn; reading every column's start and first entry first lets the
    /// processor fetch them all at once (measured in bench/text: see README).
    /// </summary>
    public void AddColumns(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> scores)
    {
        const int Batch = 64;
        Span<int> from = stackalloc int[Batch];
        Span<int> to = stackalloc int[Batch];
        Span<ushort> touched = stackalloc ushort[Batch];
        for (var done = 0; done < columns.Length; done += Batch)
        {
            var n = Math.Min(Batch, columns.Length - done);
            for (var i = 0; i < n; i++)
            {
                from[i] = _start[columns[done + i]];
                to[i] = _start[columns[done + i] + 1];
            }

            for (var i = 0; i < n; i++)
            {
                // A load whose result is kept, so that it is not optimized away: it brings the entries into the cache.
                touched[i] = from[i] < _entries.Length ? _entries[from[i]].Label : (ushort)0;
            }

            for (var i = 0; i < n; i++)
            {
                var value = values[done + i];
                foreach (ref readonly var entry in _entries.AsSpan(from[i], to[i] - from[i]))
                {
                    scores[entry.Label] += entry.Weight * value;
                }
            }
        }
    }

    // Six bytes: a column's entries for all heads (a few dozen) fit in two or three cache lines.
    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    private readonly record struct Entry(ushort Label, float Weight);
}
