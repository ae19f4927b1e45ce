namespace Otklik.Places.Internal;

/// <summary>
/// The type words and abbreviations of Russian addresses, folded and tokenized as the text is
/// ("р-н" is three tokens: р, -, н). How to add one: put its folded spelling in the right list; a trailing
/// dot in the text is always allowed, so list "обл", not "обл.".
/// </summary>
internal static class PlaceVocabulary
{
    public static readonly string[][] Region = Seqs("область", "области", "областью", "обл");

    public static readonly string[][] Krai = Seqs("край", "края", "краю", "крае", "краем");

    public static readonly string[][] Republic = Seqs("республика", "республики", "республике", "республику", "республикой", "респ");

    public static readonly string[][] Okrug = Seqs("округ", "округа", "округе", "округу", "округом", "ао", "автономный округ",
        "автономного округа", "автономном округе", "автономному округу");

    public static readonly string[][] AutonomousOblast = Seqs("автономная область", "автономной области", "ао");

    public static readonly string[][] District = Seqs("район", "района", "районе", "району", "районом", "р-н", "р-на", "р-не",
        "р-ну", "р-ном", "рн", "р", "р-он", "р-оне", "р-она", "муниципальный район", "муниципального района",
        "муниципальном районе", "муниципальному району");

    public static readonly string[][] CityOkrug = Seqs("округ", "округа", "округе", "округу", "округом", "административный округ",
        "административного округа", "административном округе", "ао", "р-н", "район", "района", "районе");

    public static readonly string[][] Selsovet = Seqs("сельсовет", "сельсовета", "сельсовете", "сельсовету", "сельсоветом",
        "с/с", "с/совет", "с/совета", "с/сов", "сельского совета", "сельский совет", "сельском совете", "сельское поселение",
        "сельского поселения");

    /// <summary>Words before a city name. Abbreviations of one letter need their dot unless a capitalized name follows.</summary>
    public static readonly HashSet<string> CityMarkers = new(["г", "гор", "город", "города", "городе", "городу", "городом"], StringComparer.Ordinal);

    public static readonly HashSet<string> SettlementMarkers = new(["д", "дер", "деревня", "деревни", "деревне", "деревню", "деревней",
        "с", "село", "села", "селе", "селу", "селом", "сел", "п", "пос", "поселок", "поселка", "поселке", "поселку", "поселком",
        "пгт", "рп", "х", "хут", "хутор", "хутора", "хуторе", "сл", "слобода", "слободы", "слободе", "слободу", "ст-ца", "станица",
        "станицы", "станице", "мкр"], StringComparer.Ordinal);

    /// <summary>Markers that are abbreviations: only these take a dot ("слобода." ends a sentence, "сл." is a marker).</summary>
    public static readonly HashSet<string> AbbreviatedMarkers = new(["г", "гор", "д", "дер", "с", "сел", "п", "пос", "пгт", "рп", "х", "хут",
        "сл", "мкр"], StringComparer.Ordinal);

    /// <summary>One-letter markers that are also prepositions or initials: they count only with their dot.</summary>
    public static readonly HashSet<string> DotOnlyMarkers = new(["с", "п", "х"], StringComparer.Ordinal);

    /// <summary>Street types, folded spelling → the abbreviation reported.</summary>
    public static readonly Dictionary<string, string> StreetTypes = Map(
        ("ул", "ул."), ("улица", "ул."), ("улицы", "ул."), ("улице", "ул."), ("улицу", "ул."), ("улицей", "ул."), ("улиц", "ул."),
        ("пр-т", "пр-т"), ("пр-кт", "пр-т"), ("просп", "пр-т"), ("пр", "пр-т"), ("проспект", "пр-т"), ("проспекта", "пр-т"),
        ("проспекте", "пр-т"), ("проспекту", "пр-т"), ("проспектом", "пр-т"), ("пр-та", "пр-т"), ("пр-те", "пр-т"),
        ("пер", "пер."), ("переулок", "пер."), ("переулка", "пер."), ("переулке", "пер."), ("переулку", "пер."),
        ("б-р", "б-р"), ("бульвар", "б-р"), ("бульвара", "б-р"), ("бульваре", "б-р"),
        ("пл", "пл."), ("площадь", "пл."), ("площади", "пл."),
        ("ш", "ш."), ("шоссе", "ш."), ("проезд", "проезд"), ("проезда", "проезд"), ("проезде", "проезд"),
        ("наб", "наб."), ("набережная", "наб."), ("набережной", "наб."), ("набережную", "наб."),
        ("туп", "туп."), ("тупик", "туп."), ("тупике", "туп."));

    /// <summary>Words that end a street name: house and flat markers.</summary>
    public static readonly HashSet<string> HouseMarkers = new(["д", "дом", "дома", "доме", "домом", "№", "кв", "корп", "к", "стр", "подъезд",
        "под"], StringComparer.Ordinal);

    public static readonly HashSet<string> NotNames = new(["в", "во", "на", "и", "у", "около", "возле", "от", "до", "с", "со", "по",
        "напротив", "рядом", "между", "за", "перед", "г", "город", "города", "района", "район", "не", "нет", "уже", "что", "где",
        "а", "но", "это", "как", "дом", "дома", "дому", "домом"], StringComparer.Ordinal);

    private static string[][] Seqs(params string[] spellings) =>
        spellings.Select(PlaceTokenizer.Key).OrderByDescending(s => s.Length).ToArray();

    private static Dictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
