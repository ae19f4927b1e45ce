namespace Otklik.Places;

/// <summary>Precision and recall of one level over a labeled set: place names compared per appeal, as sets.</summary>
public sealed record PlaceScore(string Level, int TruePositives, int Predicted, int Expected)
{
    /// <summary>Found and right, over found. 1 when nothing was found.</summary>
    public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;

    /// <summary>Found and right, over labeled. 1 when nothing was labeled.</summary>
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"{Level}: P={Precision:0.000} R={Recall:0.000} (tp {TruePositives}, found {Predicted}, labeled {Expected})";
}
