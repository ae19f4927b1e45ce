using Otklik.Model;

namespace Otklik.Places;

/// <summary>
/// One named place. <see cref="Name"/> is the bare name as the sources write it ("Курская", "Льговский", "Льгов");
/// <see cref="DisplayName"/> adds the type word ("Курская область", "Льговский район").
/// <see cref="Region"/> and <see cref="District"/> hold the bare names of the parents.
/// </summary>
public sealed record GazetteerEntry(
    int Id,
    PlaceKind Kind,
    string Name,
    string TypeName,
    string Region,
    string? District = null,
    string? City = null,
    string? Oktmo = null,
    string? Okato = null,
    GeoPoint? Location = null,
    long? Population = null,
    TimeSpan? UtcOffset = null)
{
    /// <summary>The name with its type word, as people write it in the nominative.</summary>
    public string DisplayName => Kind switch
    {
        PlaceKind.Region => RegionDisplayName(Name, TypeName),
        PlaceKind.District => Name + " район",
        PlaceKind.Municipality => Name + " сельсовет",
        PlaceKind.CityDistrict => Name + " округ",
        _ => Name,
    };

    /// <summary>"Курская" + "обл" → "Курская область"; "Адыгея" + "Респ" → "Республика Адыгея"; federal cities stay bare.</summary>
    public static string RegionDisplayName(string name, string type) => type switch
    {
        "обл" => name + " область",
        "край" => name + " край",
        "АО" => name + " автономный округ",
        "Аобл" => name + " автономная область",
        "Респ" when name.EndsWith("ая", StringComparison.Ordinal) => name + " Республика",
        "Респ" => "Республика " + name,
        _ => name,
    };

    public override string ToString() => DisplayName;
}
