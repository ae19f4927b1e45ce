using Otklik.Access;
using Otklik.Errors;
using Otklik.Server;
using Otklik.Storage.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>
/// <c>otklik users add</c>: creates a user, the first admin included (there is no default account). The password
/// comes from <c>OTKLIK_PASSWORD</c>, else standard input when redirected, else a hidden prompt; never an argument.
/// </summary>
public sealed class UsersAddCommand : AsyncCommand<UsersAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UsersAddSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var isIntegrator = string.Equals(settings.Role, nameof(Role.Integrator), StringComparison.OrdinalIgnoreCase);
        var password = isIntegrator ? null : ReadPassword();
        var database = await CaseDatabase.OpenAsync(CliStore.Settings(settings).DatabaseOrDefault, null, cancellationToken);
        var accounts = new UserAccounts(database, TimeProvider.System);
        var result = await accounts.AddAsync(settings.Name, settings.Role, settings.Body, settings.IncludeChildren, password, cancellationToken);
        if (result.User is not { } user)
        {
            var option = result.Field switch { "bodyId" => "--body", "password" => "password", _ => "--" + result.Field };
            throw new OtklikException($"{option}: {result.Error}", result.Field == "password" ? "Set OTKLIK_PASSWORD or type a longer one." : null);
        }

        AnsiConsole.MarkupLineInterpolated($"Added {user.Role.ToString().ToLowerInvariant()} [bold]{user.Name}[/] (id {user.Id}).");
        if (settings.ApiKey || isIntegrator)
        {
            var key = ApiKeys.NewKey();
            await using var session = await database.OpenAsync(write: true, cancellationToken);
            await session.AddApiKeyAsync(user.Id, "cli", ApiKeys.HashOf(key), TimeProvider.System.GetUtcNow(), cancellationToken);
            await session.CommitAsync(cancellationToken);
            // Plain output: a console's line wrapping must not split the key that scripts read.
            Console.Out.WriteLine($"API key (shown once, send it as X-Api-Key): {key}");
        }

        return ExitCodes.Ok;
    }

    private static string ReadPassword()
    {
        if (Environment.GetEnvironmentVariable("OTKLIK_PASSWORD") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new OtklikException("No password on standard input.", "Pipe it in, or set OTKLIK_PASSWORD.");
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == second ? first : throw new OtklikException("The two passwords differ.", "Run the command again.");
    }
}
