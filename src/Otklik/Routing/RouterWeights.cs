namespace Otklik.Routing;

/// <summary>
/// How much each kind of evidence counts in the router's log-linear score (see <see cref="Router"/>): a body's log score
/// is log P(body) + Model × log(P_model / P(body)) + Rule × log(P(body | topic, territory) / P(body))
/// + Place × log(P(body | place) / P(body)) − Foreign (a municipal body whose territory is not the place found)
/// + Operator × P(topic) (an operator's priority rule). Table shares are smoothed toward P(body) with
/// <see cref="Smoothing"/> pseudo-appeals; the place's own administration gets <see cref="Local"/> more, which matters
/// where the training data hold few appeals from that place. Without the model's executors the table's Rule weight is 1:
/// the discount is for reading the same text twice. Candidates' scores are the softmax of the log scores divided by
/// <see cref="Temperature"/>: it changes no ranking, only how sure the router says it is (the confidence the processor
/// compares with <c>AutoAssignConfidence</c>). Temperature 2 makes it honest on cross-validation with the isotonic-calibrated
/// text model: at 0.6, 51 % of appeals are assigned with 0.61 accuracy; at 0.7, 31 % with 0.71; at 0.8, 18 % with 0.81;
/// at 0.9, 7 % with 0.92 (temperature 3 was honest before the model's calibration changed; now it under-states: at 0.7,
/// 14 % with 0.84). Defaults: Rule 0.5, Place 1, Model 1, Foreign 2, Local 5,
/// Smoothing 2, Operator 5, Fallback 0.01, Temperature 2 — chosen on 5-fold cross-validation of the Kursk file; the accuracy stays within
/// a point over Rule 0.5–1, Place 0.5–1, Foreign 1–4, Local 2–10 (bench/routing/README.md).
/// </summary>
public sealed record RouterWeights(
    double Rule = 0.5,
    double Place = 1.0,
    double Model = 1.0,
    double Fallback = 0.01,
    double Foreign = 2.0,
    double Local = 5.0,
    double Smoothing = 2.0,
    double Operator = 5.0,
    double Temperature = 2.0)
{
    public static readonly RouterWeights Default = new();
}
