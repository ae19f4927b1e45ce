namespace Otklik.Ratings.Engine;

/// <summary>
/// Durations in hours with constant memory: exact up to <see cref="ExactCapacity"/> values (small bodies are computed
/// exactly, which the hand-checked fixture relies on), then fixed log-scale bins 5% wide from one minute to 114 years.
/// Quantiles use the nearest-rank definition: the q-quantile of n values is the ⌈q·n⌉-th smallest.
/// </summary>
public sealed class LogHistogram
{
    public const int ExactCapacity = 64;
    private const double MinHours = 1.0 / 60;
    private const double Ratio = 1.05;
    private static readonly double LogRatio = Math.Log(Ratio);
    private static readonly double LogMin = Math.Log(MinHours);
    private static readonly int BinCount = (int)Math.Ceiling(Math.Log(1e6 / MinHours) / LogRatio) + 1;

    private double[]? _exact = new double[8];
    private int[]? _bins;
    private double _sumLog;
    private double[]? _sorted;
    private long[]? _cumulative;
    private double _sumLog2;

    public long Count { get; private set; }

    /// <summary>Mean of ln(hours) (hours floored at one minute).</summary>
    public double MeanLog => Count == 0 ? 0 : _sumLog / Count;

    /// <summary>Variance of ln(hours) across the values; 0 for fewer than two.</summary>
    public double VarianceLog => Count < 2 ? 0 : Math.Max(0, (_sumLog2 - _sumLog * _sumLog / Count) / (Count - 1));

    /// <summary>Adds a duration and returns ln(hours) with hours floored at one minute, which callers sum too.</summary>
    public double Add(double hours)
    {
        _sorted = null;
        _cumulative = null;
        hours = Math.Max(0, hours);
        var log = Math.Log(Math.Max(hours, MinHours));
        _sumLog += log;
        _sumLog2 += log * log;
        if (_exact is not null)
        {
            if (Count < ExactCapacity)
            {
                if (Count == _exact.Length)
                {
                    Array.Resize(ref _exact, _exact.Length * 2);
                }

                _exact[Count++] = hours;
                return log;
            }

            _bins = new int[BinCount];
            foreach (var value in _exact)
            {
                _bins[Bin(value)]++;
            }

            _exact = null;
        }

        // The bin from the logarithm already taken: the same bin as Bin(hours), one Math.Log fewer per value.
        _bins![hours <= MinHours ? 0 : Math.Min(BinCount - 1, (int)((log - LogMin) / LogRatio))]++;
        Count++;
        return log;
    }

    /// <summary>The nearest-rank q-quantile; NaN when empty.</summary>
    public double Quantile(double q) => Count == 0 ? double.NaN : ValueAtRank(RankOf(q, Count));

    /// <summary>The rank the nearest-rank q-quantile of n values takes: ⌈q·n⌉, at least 1.</summary>
    public static long RankOf(double q, long n) => Math.Clamp((long)Math.Ceiling(q * n - 1e-9), 1, n);

    /// <summary>The k-th smallest value (1-based); a bin's geometric middle once the exact values were given up.</summary>
    public double ValueAtRank(long k)
    {
        k = Math.Clamp(k, 1, Count);
        // Bootstrap replicates ask for many ranks of the same histogram: sort (or sum) once, then answer in O(log n).
        // The arrays are complete before they are published: replicates on several threads read them.
        if (_exact is not null)
        {
            var sorted = _sorted;
            if (sorted is null)
            {
                sorted = _exact.AsSpan(0, (int)Count).ToArray();
                Array.Sort(sorted);
                _sorted = sorted;
            }

            return sorted[k - 1];
        }

        var cumulative = _cumulative;
        if (cumulative is null)
        {
            cumulative = new long[_bins!.Length];
            long running = 0;
            for (var i = 0; i < _bins.Length; i++)
            {
                running += _bins[i];
                cumulative[i] = running;
            }

            _cumulative = cumulative;
        }

        var found = Array.BinarySearch(cumulative, k);
        var bin = found >= 0 ? LowestWith(cumulative, found) : ~found;
        if (bin < _bins!.Length)
        {
            return bin == 0 ? MinHours : MinHours * Math.Exp((bin + 0.5) * LogRatio);
        }

        return MinHours * Math.Exp(BinCount * LogRatio);
    }

    // Equal cumulative counts (empty bins) repeat: the k-th value is in the first bin that reaches k.
    private static int LowestWith(long[] cumulative, int index)
    {
        while (index > 0 && cumulative[index - 1] == cumulative[index])
        {
            index--;
        }

        return index;
    }

    private static int Bin(double hours) =>
        hours <= MinHours ? 0 : Math.Min(BinCount - 1, (int)(Math.Log(hours / MinHours) / LogRatio));
}
