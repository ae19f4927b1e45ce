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
            config.AddBranch("ratings", ratings => ratings.AddCommand<Ratings.RatingsComputeCommand>("compute").WithDescription("Rate bodies and official accounts for a period."));
        });
        return app.RunAsync(args);
    }
}
