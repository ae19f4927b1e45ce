using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class RoutingListSettings : StoreSettings
{
    [CommandOption("--operator")]
    [Description("Only operators' rules (priority 1 and up) and fallbacks, not the derived cells")]
    public bool OperatorOnly { get; init; }

    [CommandOption("--csv")]
    [Description("Print the table as routing CSV (what routing import reads) instead of a table")]
    public bool Csv { get; init; }
}
