using Microsoft.Extensions.Configuration;

namespace Otklik.Settings;

/// <summary>
/// Where Otklik keeps its data and its secrets. Read from, last wins: defaults, <c>otklik.json</c> in the working folder,
/// environment variables prefixed <c>OTKLIK_</c> (<c>OTKLIK_DB</c>, <c>OTKLIK_PSEUDONYM_KEY</c>, <c>OTKLIK_DATA_DIR</c>),
/// then command-line options such as <c>--db</c>.
/// </summary>
public sealed class OtklikSettings
{
    /// <summary>The folder for the embedded database and the generated key file. Defaults to <c>./data</c>.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>
    /// A SQLite file path, or a PostgreSQL connection string (<c>Host=…;Database=…</c>).
    /// Defaults to <c>otklik.db</c> in <see cref="DataDirectory"/>.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>
    /// The secret key for author pseudonyms. When null, a key file is generated on first use in <see cref="DataDirectory"/>.
    /// The same key must be used for every import into one database, or one author gets two pseudonyms.
    /// </summary>
    public string? PseudonymKey { get; init; }

    /// <summary>The database to use: <see cref="Database"/> or the default file.</summary>
    public string DatabaseOrDefault => string.IsNullOrWhiteSpace(Database) ? Path.Combine(DataDirectory, "otklik.db") : Database;

    /// <summary>Reads the settings from <c>otklik.json</c> (optional) and <c>OTKLIK_*</c> environment variables.</summary>
    public static OtklikSettings Load(string? workingDirectory = null)
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(workingDirectory ?? Directory.GetCurrentDirectory())
            .AddJsonFile("otklik.json", optional: true)
            .AddEnvironmentVariables("OTKLIK_")
            .Build();
        return From(config);
    }

    /// <summary>Binds the keys <c>DB</c>, <c>PSEUDONYM_KEY</c> and <c>DATA_DIR</c> (case-insensitive) of a configuration.</summary>
    public static OtklikSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dataDir = config["DATA_DIR"];
        return new OtklikSettings
        {
            DataDirectory = string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir,
            Database = config["DB"],
            PseudonymKey = config["PSEUDONYM_KEY"],
        };
    }

    /// <summary>A copy with the database replaced when <paramref name="database"/> is given (a <c>--db</c> option).</summary>
    public OtklikSettings WithDatabase(string? database) =>
        string.IsNullOrWhiteSpace(database)
            ? this
            : new OtklikSettings { DataDirectory = DataDirectory, Database = database, PseudonymKey = PseudonymKey };
}
