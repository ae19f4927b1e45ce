namespace Otklik.Ratings.Input;

/// <summary>The upkeep facts of one official account and what it is rated as.</summary>
/// <param name="Category">A methodology category key: "official-page" or "personal-account".</param>
/// <param name="Level">"federal", "regional" or "municipal": whose page it is; nominations filter on it.</param>
/// <param name="Population">The population of the account's territory; null when unknown (reach is then not rated).</param>
/// <param name="Simulated">True for demo accounts; every output shows it.</param>
public sealed record AccountFacts(
    string Account,
    string Name,
    string Category,
    string Level,
    bool GovernmentMark,
    bool Description,
    bool Contacts,
    bool AppealsLink,
    bool Pinned,
    long Followers,
    long? Population,
    string? Territory,
    bool Simulated);
