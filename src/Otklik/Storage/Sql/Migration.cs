namespace Otklik.Storage.Sql;

/// <summary>
/// One step of the schema. Versions count up from 1 without gaps; a released migration is never edited, only followed
/// by a new one. To add one: append a <see cref="Migration"/> with the next version to both dialects' lists
/// (SqliteSchema, PostgresSchema) and run the storage test suite, which runs on both.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql);
