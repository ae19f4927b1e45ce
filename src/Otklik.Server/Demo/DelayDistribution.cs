using System.Globalization;

namespace Otklik.Server.Demo;

/// <summary>
/// Real response times to draw from: quantiles of the Saint Petersburg portal's timelines (data/demo/response-delays.csv,
/// see its SOURCE.md), sampled by inverse transform with linear interpolation between quantiles.
/// </summary>
public sealed class DelayDistribution
{
    private readonly double[] _firstReply;
    private readonly double[] _answer;

    private DelayDistribution(double[] firstReply, double[] answer, double reopenedShare, double confirmedShare)
    {
        _firstReply = firstReply;
        _answer = answer;
        ReopenedShare = reopenedShare;
        ConfirmedShare = confirmedShare;
    }

    public double ReopenedShare { get; }

    public double ConfirmedShare { get; }

    public static DelayDistribution Load(string path)
    {
        var first = new List<double>();
        var answer = new List<double>();
        double reopened = 0.03, confirmed = 0.46;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                reopened = Share(line, "reopened_share=") ?? reopened;
                confirmed = Share(line, "confirmed_share=") ?? confirmed;
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length == 3 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
            {
                first.Add(f);
                answer.Add(a);
            }
        }

        return first.Count < 2
            ? throw new InvalidDataException($"{path}: expected quantile rows 'quantile,first_reply_hours,answer_hours'")
            : new DelayDistribution([.. first], [.. answer], reopened, confirmed);
    }

    public TimeSpan FirstReply(Random random) => TimeSpan.FromHours(Sample(_firstReply, random));

    public TimeSpan Answer(Random random) => TimeSpan.FromHours(Sample(_answer, random));

    private static double Sample(double[] quantiles, Random random)
    {
        var position = random.NextDouble() * (quantiles.Length - 1);
        var i = (int)position;
        return i >= quantiles.Length - 1 ? quantiles[^1] : quantiles[i] + ((quantiles[i + 1] - quantiles[i]) * (position - i));
    }

    private static double? Share(string line, string key)
    {
        var at = line.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = line[(at + key.Length)..];
        var end = rest.IndexOfAny([' ', ')', ';']);
        return double.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
