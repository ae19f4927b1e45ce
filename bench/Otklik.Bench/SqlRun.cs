namespace Otklik.Bench;

internal static class SqlRun
{
    public static int Run(string[] args)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + args[1]);
        c.Open();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cmd = c.CreateCommand();
        cmd.CommandText = args[2];
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F2} s; sqlite {c.ServerVersion}");
        return 0;
    }
}
