namespace Otklik.Routing;

/// <summary>Executor accuracy (best body right) and top-3 accuracy (right body among the three) of one router variant.</summary>
public sealed record RoutingScore(string Variant, int Count, double Accuracy, double Top3)
{
    public override string ToString() => $"{Variant}: accuracy {Accuracy:0.000}, top-3 {Top3:0.000} (n={Count})";
}
