using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>The option every verb that touches the store has.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <DB>")]
    [Description("A SQLite file path, or a PostgreSQL connection string (Host=…;Database=…). Default: $OTKLIK_DB, then ./data/otklik.db")]
    public string? Db { get; init; }
}
