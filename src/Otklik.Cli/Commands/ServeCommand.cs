using Microsoft.Extensions.Hosting;
using Otklik.Server;
using Otklik.Server.Demo;
using Otklik.Text.Classification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik serve</c>: the case workflow server (API, workers; the web workspace when built in).</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resolved = CliStore.Settings(settings);
        if (settings.Demo)
        {
            return await DemoServer.RunAsync(
                new DemoServerOptions(settings.Db ?? Path.Combine(resolved.DataDirectory, "demo.db"), settings.Urls, settings.Speed, resolved.DataDirectory),
                line => AnsiConsole.MarkupLine(line), cancellationToken);
        }

        var options = new OtklikServerOptions
        {
            Database = resolved.DatabaseOrDefault,
            Urls = settings.Urls,
            PseudonymKey = resolved.PseudonymKey,
            DataDirectory = resolved.DataDirectory,
        };
        await using var app = await OtklikServer.BuildAsync(options, cancellationToken: cancellationToken);
        await app.StartAsync(cancellationToken);
        var modelProblem = File.Exists(options.ModelFile) ? TextClassifier.CheckFile(options.ModelFile) : null;
        AnsiConsole.WriteLine(!File.Exists(options.ModelFile)
            ? $"Understanding: no model at {options.ModelFile} (otklik train …): messages are routed by their labels."
            : modelProblem is null
                ? $"Understanding: text model {options.ModelFile}, places, routing table and deadlines from data/."
                : $"Understanding: the text model cannot be used: {modelProblem} Until then messages are routed by their labels.");
        AnsiConsole.MarkupLineInterpolated($"Otklik is serving {options.Database} at [link]{OtklikServer.Address(app)}[/] (API: /api, OpenAPI: /openapi/v1.json). Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
