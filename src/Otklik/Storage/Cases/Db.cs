using System.Data.Common;

namespace Otklik.Storage.Cases;

/// <summary>Reading plain columns; times go through the dialect (<see cref="CaseSession"/>).</summary>
internal static class Db
{
    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static double? Double(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static long Flag(bool value) => value ? 1 : 0;
}
