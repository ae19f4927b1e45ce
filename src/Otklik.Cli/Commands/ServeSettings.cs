using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class ServeSettings : StoreSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen. Default: http://127.0.0.1:5000")]
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    [CommandOption("--demo")]
    [Description("The demo world on a fresh demo database (data/demo.db unless --db): simulated appeals and answers on an accelerated clock, a demo admin printed once")]
    public bool Demo { get; init; }

    [CommandOption("--speed <FACTOR>")]
    [Description("Demo only: simulated seconds per real second. Default: 600 (a day in 2.4 minutes)")]
    public double Speed { get; init; } = 600;

    public override ValidationResult Validate() =>
        !Uri.TryCreate(Urls.Split(';')[0], UriKind.Absolute, out _) ? ValidationResult.Error($"--urls: '{Urls}' is not a URL like http://127.0.0.1:5000")
        : Speed is < 1 or > 100_000 ? ValidationResult.Error("--speed: between 1 and 100000")
        : ValidationResult.Success();
}
