namespace Otklik.Places;

/// <summary>Another name people use for an entry: "Питер" for Санкт-Петербург, "КЧР" for Карачаево-Черкесская Республика.</summary>
public sealed record GazetteerAlias(string Alias, GazetteerEntry Target);
