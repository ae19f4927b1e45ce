namespace Otklik.Places;

/// <summary>What a gazetteer entry or a recognized mention is.</summary>
public enum PlaceKind
{
    /// <summary>A federal subject: oblast, krai, republic, autonomous okrug, federal city.</summary>
    Region,
    /// <summary>A municipal district of a region ("Льговский район").</summary>
    District,
    /// <summary>A rural municipality inside a district ("Полевской сельсовет").</summary>
    Municipality,
    /// <summary>A town with city status.</summary>
    City,
    /// <summary>A village, posyolok, selo, khutor: anything smaller than a city.</summary>
    Settlement,
    /// <summary>An administrative okrug or district inside a city ("Сеймский округ" of Kursk).</summary>
    CityDistrict,
}
