namespace Otklik.Routing;

/// <summary>
/// One held-out appeal in cross-validation: the router's confidence (its best body's share of the top three), whether
/// the router's and the text model's first bodies were right, and whether the text named a city or district — the
/// paired outcomes <see cref="PairedComparison"/> compares.
/// </summary>
public sealed record RoutedAppeal(string Id, double Confidence, bool RouterRight, bool ModelRight, bool PlaceFound);
