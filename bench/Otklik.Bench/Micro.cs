using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Otklik.Bench;

internal static class Micro
{
    public static int Run(string[] args)
    {
        var fsw = Stopwatch.StartNew();
        for (var i = 0; i < 20000; i++) { Otklik.Folding.RussianText.FoldName("Комитет дорожного хозяйства города Курска"); }
        Console.WriteLine($"fold: {fsw.Elapsed.TotalMilliseconds:F0} ms");
        using var c = new SqliteConnection($"Data Source={args[1]}");
        c.Open();
        var lines = File.ReadLines(args[2]).Take(20000).ToList();
        foreach (var mode in new[] { "create", "insert", "dup" })
        {
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            if (mode == "create") { using var cc = c.CreateCommand(); cc.CommandText = "CREATE TABLE IF NOT EXISTS m (id INTEGER PRIMARY KEY, ch TEXT, ext TEXT, text TEXT, UNIQUE(ch, ext))"; cc.ExecuteNonQuery(); continue; }
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO m (ch, ext, text) VALUES (@ch, @ext, @text) ON CONFLICT (ch, ext) DO NOTHING";
            var p1 = cmd.Parameters.Add("@ch", SqliteType.Text);
            var p2 = cmd.Parameters.Add("@ext", SqliteType.Text);
            var p3 = cmd.Parameters.Add("@text", SqliteType.Text);
            cmd.Prepare();
            for (var i = 0; i < lines.Count; i++)
            {
                p1.Value = "bench"; p2.Value = "id" + i; p3.Value = lines[i];
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            Console.WriteLine($"{mode}: {sw.Elapsed.TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms cpu");
        }
        return 0;
    }
}
