using Otklik.Cli.Commands;
using Spectre.Console.Cli;

namespace Otklik.Cli;

/// <summary>The verbs of the `otklik` command. To add one: a command class with its settings, then one line here.</summary>
public static class OtklikApp
{
    public static Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("otklik");
            config.PropagateExceptions();
            config.AddCommand<TrainCommand>("train").WithDescription("Train the topic, group and executor classifiers on labeled appeals");
            config.AddCommand<EvalCommand>("eval").WithDescription("Evaluate a model on labeled appeals it has not seen");
            config.AddCommand<ClassifyCommand>("classify").WithDescription("Classify one appeal text: top 3 per head and the words that weighed most");
        });
        return app.RunAsync(args);
    }
}
