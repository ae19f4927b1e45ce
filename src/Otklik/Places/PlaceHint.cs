namespace Otklik.Places;

/// <summary>
/// What is known about where a message comes from before reading it: the region of the account, page or channel it was
/// posted to. Used only to settle ambiguous names and to trust weak matches inside that region; never reported as found.
/// </summary>
/// <param name="Region">A region's bare or display name ("Курская", "Курская область"); null when unknown.</param>
public sealed record PlaceHint(string? Region)
{
    public static readonly PlaceHint None = new((string?)null);
}
