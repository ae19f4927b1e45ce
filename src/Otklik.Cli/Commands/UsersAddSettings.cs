using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class UsersAddSettings : StoreSettings
{
    [CommandOption("--name <NAME>")]
    [Description("The sign-in name")]
    public string? Name { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("admin, operator, executor, analyst or integrator")]
    public string? Role { get; init; }

    [CommandOption("--body <ID>")]
    [Description("Executors: the id of their body (see otklik bodies list)")]
    public long? Body { get; init; }

    [CommandOption("--include-children")]
    [Description("Executors: also the bodies below theirs")]
    public bool IncludeChildren { get; init; }

    [CommandOption("--api-key")]
    [Description("Also create an API key and print it once (integrators)")]
    public bool ApiKey { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is required")
        : string.IsNullOrWhiteSpace(Role) ? ValidationResult.Error("--role is required: admin, operator, executor, analyst or integrator")
        : ValidationResult.Success();
}
