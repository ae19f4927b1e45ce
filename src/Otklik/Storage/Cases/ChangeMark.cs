namespace Otklik.Storage.Cases;

/// <summary>
/// The highest case and case event ids (<see cref="Value"/>), the ratings cache's key. <see cref="Settled"/>: read while
/// no transaction that writes cases or events was running, so every lower id is committed. An unsettled mark may sit
/// above an id committed later without changing (PostgreSQL writers commit their ids in any order).
/// </summary>
public sealed record ChangeMark(string Value, bool Settled);
