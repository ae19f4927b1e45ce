namespace Otklik.Text.Understanding;

/// <summary>
/// Where understanding finds its files and which region a channel serves. Bound from configuration section
/// <c>Otklik:Understanding</c>. How to serve a new region: add its channels to <see cref="ChannelRegions"/> and its rules to the table.
/// </summary>
public sealed class UnderstandingOptions
{
    /// <summary>The folder holding <c>geo/</c>, <c>routing/</c> and <c>calendar/</c>. Defaults to null: found by <see cref="ReferenceData.Find"/>.</summary>
    public string? ReferenceData { get; set; }

    /// <summary>The region of channels not listed in <see cref="ChannelRegions"/>. Defaults to "Курская" (the demo's region).</summary>
    public string? DefaultRegion { get; set; } = "Курская";

    /// <summary>Channel → the region it serves (the account or page a message was posted to). Defaults to empty.</summary>
    public Dictionary<string, string> ChannelRegions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The region hint for a message: its own, its channel's, or the default.</summary>
    public string? RegionFor(string channel, string? messageRegion) =>
        messageRegion ?? (ChannelRegions.TryGetValue(channel, out var region) ? region : DefaultRegion);
}
