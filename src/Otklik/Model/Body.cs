namespace Otklik.Model;

/// <summary>
/// A body of power (орган власти) that answers appeals: a regional ministry, a city administration, an inspection,
/// a federal agency's regional office (a child of the federal body).
/// </summary>
/// <param name="Id">Store-assigned id; 0 before the body is stored.</param>
/// <param name="Name">Full official name; unique in the registry, matched ordinally after whitespace folding.</param>
public sealed record Body(
    long Id,
    string Name,
    string? ShortName,
    BodyLevel Level,
    string? RegionCode,
    long? ParentId,
    Territory Territory,
    string? Contacts);
