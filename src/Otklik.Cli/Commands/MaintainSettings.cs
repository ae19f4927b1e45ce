using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class MaintainSettings : StoreSettings
{
    [CommandOption("--if-due")]
    [Description("Rebuild only when the server's rule (its Otklik:SearchUpkeep configuration) says it is due (for cron); without it, rebuild now")]
    public bool IfDue { get; init; }
}
