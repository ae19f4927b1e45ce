using System.Globalization;

namespace Otklik.Bench.Ratings;

/// <param name="Db">When set, cases are read from this store (SQLite path or PostgreSQL connection string), not generated.</param>
/// <param name="MigrateOnly">Only create or migrate the store named by --db (before a SQL load) and exit.</param>
/// <param name="SourceOnly">Only enumerate the case source (generator or store) and time it: what reading costs without the engine.</param>
internal sealed record BenchOptions(long Cases, int Accounts, int Bodies, int Replicates, int Seed, string? Db, bool SourceOnly, bool MigrateOnly)
{
    public static BenchOptions Parse(string[] args)
    {
        long Get(string name, long fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        static string? Db(string[] args)
        {
            var i = Array.IndexOf(args, "--db");
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new BenchOptions(Get("--cases", 1_000_000), (int)Get("--accounts", 100_000), (int)Get("--bodies", 20_000), (int)Get("--replicates", 50), (int)Get("--seed", 7), Db(args), args.Contains("--source-only"), args.Contains("--migrate-only"));
    }
}
