namespace Otklik.Storage.Sql;

/// <summary>An index, trigger or constraint a bulk-load window drops, with the statements that drop and recreate it.</summary>
/// <param name="Kind">"index", "constraint" or "trigger" (the order in which the window's end recreates them).</param>
internal sealed record BulkObject(string Kind, string Name, string Table, string CreateSql, string DropSql);
