using Otklik.Tests.Text;
using Otklik.Text.Understanding;

namespace Otklik.Tests.Understanding;

/// <summary>The small test model with the shipped gazetteer, routing table and deadlines, loaded once per run (the gazetteer takes seconds).</summary>
internal static class SmallUnderstanding
{
    private static readonly Lazy<Otklik.Text.Understanding.Understanding> Loaded = new(() => ReferenceData.Load(SmallModel.Model, ReferenceData.Find()));

    public static Otklik.Text.Understanding.Understanding Value => Loaded.Value;
}
