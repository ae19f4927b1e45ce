using Otklik.Places;

namespace Otklik.Tests.Places;

/// <summary>The gazetteer the product ships (data/geo), loaded once for all tests: building the form index takes a moment.</summary>
internal static class ShippedGazetteer
{
    private static readonly Lazy<PlaceRecognizer> Shared = new(() =>
        new PlaceRecognizer(GazetteerFiles.LoadDirectory(Path.Combine(SharedData.RepoRoot(), "data", "geo"))));

    public static PlaceRecognizer Recognizer => Shared.Value;

    public static Gazetteer Gazetteer => Shared.Value.Gazetteer;

    public static readonly PlaceHint Kursk = new("Курская");
}
