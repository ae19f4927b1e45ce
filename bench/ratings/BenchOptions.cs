using System.Globalization;

namespace Otklik.Bench.Ratings;

/// <param name="Db">When set, cases are read from this store (SQLite path or PostgreSQL connection string), not generated.</param>
internal sealed record BenchOptions(long Cases, int Accounts, int Bodies, int Replicates, int Seed, string? Db)
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

        return new BenchOptions(Get("--cases", 1_000_000), (int)Get("--accounts", 100_000), (int)Get("--bodies", 20_000), (int)Get("--replicates", 50), (int)Get("--seed", 7), Db(args));
    }
}
