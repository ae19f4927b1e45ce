namespace Otklik.Places;

/// <summary>How a place was found.</summary>
public enum PlaceEvidence
{
    /// <summary>The text names it ("в Льгове", "Курской области").</summary>
    Stated,
    /// <summary>Implied by a narrower place the text names (Льгов lies in the Kursk region).</summary>
    Implied,
    /// <summary>Not in the gazetteer, but introduced by a settlement marker ("д. Калиновка").</summary>
    Unlisted,
}
