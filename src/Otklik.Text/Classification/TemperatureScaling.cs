namespace Otklik.Text.Classification;

/// <summary>
/// Fits the softmax temperature that minimizes the negative log-likelihood of held-out scores (Guo et al., 2017).
/// The scores must come from models that did not see the examples (out-of-fold), or the fit is overconfident.
/// </summary>
internal static class TemperatureScaling
{
    public static float Fit(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels)
    {
        if (scores.Count == 0)
        {
            return 1f;
        }

        // NLL is unimodal in log T for this family; golden-section search on log T in [e^-6, e^3].
        double lo = -6, hi = 3;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = hi - (ratio * (hi - lo));
        var b = lo + (ratio * (hi - lo));
        double fa = Nll(scores, labels, Math.Exp(a)), fb = Nll(scores, labels, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (ratio * (hi - lo));
                fa = Nll(scores, labels, Math.Exp(a));
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (ratio * (hi - lo));
                fb = Nll(scores, labels, Math.Exp(b));
            }
        }

        return (float)Math.Exp((lo + hi) / 2);
    }

    /// <summary>Mean negative log-likelihood of the true labels at temperature <paramref name="t"/>.</summary>
    public static double Nll(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels, double t)
    {
        var total = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var max = s.Max();
            var sum = 0.0;
            foreach (var v in s)
            {
                sum += Math.Exp((v - max) / t);
            }

            total += Math.Log(sum) - ((s[labels[i]] - max) / t);
        }

        return total / scores.Count;
    }
}
