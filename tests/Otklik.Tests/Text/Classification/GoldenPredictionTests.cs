using System.Globalization;
using System.Text;
using Otklik.Ingest;

namespace Otklik.Tests.Text.Classification;

/// <summary>
/// Guards the prediction path against changes that were meant to be speed-ups only: the small model's top-3 labels and
/// probabilities on every 10th demo appeal (200 texts) must equal those recorded in Golden/predictions.tsv. A change
/// that alters a single feature, weight or summation order badly enough shows up here. To record the file again on
/// purpose (a change that is meant to alter predictions): OTKLIK_WRITE_GOLDEN=1 dotnet test --filter GoldenPrediction.
/// </summary>
public class GoldenPredictionTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Predictions_on_the_demo_appeals_equal_the_recorded_ones()
    {
        var path = Path.Combine(SharedData.RepoRoot(), "tests", "Otklik.Tests", "Text", "Classification", "Golden", "predictions.tsv");
        var appeals = KurskFormat.LoadLabeled(Path.Combine(SharedData.RepoRoot(), "data", "demo", "kursk-appeals.csv"));
        var sample = appeals.Where((_, i) => i % 10 == 0).Take(200).ToList();
        var lines = sample.SelectMany((appeal, i) => SmallModel.Model.Predict(appeal.Text).Heads
            .Select(head => string.Join('\t', [i.ToString(CultureInfo.InvariantCulture), head.Head,
                .. head.Top.Select(t => $"{t.Label}\t{t.Probability.ToString("F9", CultureInfo.InvariantCulture)}")])))
            .ToList();
        if (Environment.GetEnvironmentVariable("OTKLIK_WRITE_GOLDEN") == "1")
        {
            File.WriteAllLines(path, lines, new UTF8Encoding(false));
        }

        var golden = File.ReadAllLines(path);

        Assert.Equal(200, sample.Count);
        Assert.Equal(golden.Length, lines.Count);
        for (var n = 0; n < golden.Length; n++)
        {
            var expected = golden[n].Split('\t');
            var actual = lines[n].Split('\t');
            Assert.Equal(expected.Length, actual.Length);
            for (var f = 0; f < expected.Length; f++)
            {
                if (f >= 3 && f % 2 == 1)
                {
                    var e = double.Parse(expected[f], CultureInfo.InvariantCulture);
                    var a = double.Parse(actual[f], CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(e - a) <= Tolerance, $"line {n + 1} field {f + 1}: expected {e}, got {a} ({golden[n]})");
                }
                else
                {
                    Assert.Equal(expected[f], actual[f]);
                }
            }
        }
    }
}
