using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class BodiesListSettings : StoreSettings
{
    [CommandOption("--json")]
    [Description("Print one JSON object per line")]
    public bool Json { get; init; }
}
