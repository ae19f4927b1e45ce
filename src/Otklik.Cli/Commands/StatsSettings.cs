using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class StatsSettings : StoreSettings
{
    [CommandOption("--top <N>")]
    [Description("Rows per table. Default: 10")]
    public int Top { get; init; } = 10;

    [CommandOption("--json")]
    [Description("Print the counts as one JSON object")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Top is >= 1 and <= 100_000 ? ValidationResult.Success() : ValidationResult.Error("--top must be between 1 and 100000.");
}
