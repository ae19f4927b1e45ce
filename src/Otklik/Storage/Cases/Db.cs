using System.Data.Common;

namespace Otklik.Storage.Cases;

/// <summary>Reading plain columns; times go through the dialect (<see cref="CaseSession"/>).</summary>
internal static class Db
{
    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static double? Double(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static long Flag(bool value) => value ? 1 : 0;

    /// <summary>An id written into SQL text: only for longs from our own tables, where it lets the planner pick by value.</summary>
    public static string Literal(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
