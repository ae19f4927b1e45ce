using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class QuarantineListSettings : StoreSettings
{
    [CommandOption("--limit <N>")]
    [Description("How many, newest first. Default: 50")]
    public int Limit { get; init; } = 50;

    [CommandOption("--excerpts")]
    [Description("Also show the start of each bad record (it may hold personal data)")]
    public bool Excerpts { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object per line")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Limit is >= 1 and <= 100_000 ? ValidationResult.Success() : ValidationResult.Error("--limit must be between 1 and 100000.");
}
