using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class BodiesImportSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A registry of bodies: .csv with a header, .json (an array) or .jsonl; see docs/cli.md")]
    public string File { get; init; } = string.Empty;
}
