using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class MaintainSettings : StoreSettings
{
    [CommandOption("--if-due")]
    [Description("Rebuild only when the server's default rule says it is due (for cron); without it, rebuild now")]
    public bool IfDue { get; init; }
}
