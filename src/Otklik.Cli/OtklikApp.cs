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
            config.AddCommand<RouteCommand>("route").WithDescription("Route an appeal to the top 3 bodies with reasons; --eval cross-validates the router.");
            config.AddCommand<PlacesCommand>("places").WithDescription("Find places (region, district, city, street) in a text; --eval scores them.");
        });
        return app.RunAsync(args);
    }
}
