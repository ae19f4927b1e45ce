using Otklik.Cli.Commands;
using Otklik.Errors;
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
            config.SetExceptionHandler((exception, _) => ReportError(exception));
            config.AddCommand<DemoCommand>("demo").WithDescription("Import the shipped demo data into the store and print stats");
            config.AddCommand<ImportCommand>("import").WithDescription("Import messages from JSON Lines or CSV files")
                .WithExample("import", "data/demo/kursk-appeals.csv", "--preset", "kursk");
            config.AddBranch("quarantine", q => q.AddCommand<QuarantineListCommand>("list").WithDescription("Show records imports could not take"));
            config.AddBranch("bodies", b =>
            {
                b.AddCommand<BodiesImportCommand>("import").WithDescription("Add or update bodies from a CSV or JSON registry file");
                b.AddCommand<BodiesListCommand>("list").WithDescription("List the registry of bodies");
            });
            config.AddCommand<ServeCommand>("serve").WithDescription("Run the case workflow server (API, workers); --demo for the simulated demo world");
            config.AddBranch("users", u => u.AddCommand<UsersAddCommand>("add").WithDescription("Add a user (the first admin too); password from a prompt, stdin or OTKLIK_PASSWORD"));
            config.AddCommand<MaintainCommand>("maintain").WithDescription("Rebuild PostgreSQL's search index now, as the server does when it is due (reads and writes go on)");
            config.AddCommand<StatsCommand>("stats").WithDescription("Case counts by topic group, topic and body");
            config.AddBranch("ratings", ratings => ratings.AddCommand<Ratings.RatingsComputeCommand>("compute").WithDescription("Rate bodies and official accounts for a period."));
            config.AddCommand<TrainCommand>("train").WithDescription("Train the topic, group and executor classifiers on labeled appeals");
            config.AddCommand<EvalCommand>("eval").WithDescription("Evaluate a model on labeled appeals it has not seen");
            config.AddCommand<ClassifyCommand>("classify").WithDescription("Classify one appeal text: top 3 per head and the words that weighed most");
            config.AddCommand<RouteCommand>("route").WithDescription("Route an appeal to the top 3 bodies with reasons; --eval cross-validates the router.");
            config.AddBranch("routing", r =>
            {
                r.AddCommand<RoutingImportCommand>("import").WithDescription("Make a routing table CSV the database's routing table (replaces the one there)");
                r.AddCommand<RoutingListCommand>("list").WithDescription("Show the routing table stored in the database");
            });
            config.AddCommand<PlacesCommand>("places").WithDescription("Find places (region, district, city, street) in a text; --eval scores them.");
        });
        return app.RunAsync(args);
    }

    /// <summary>What went wrong and what to do, on stderr, without a stack trace (set OTKLIK_TRACE=1 to get one).</summary>
    private static int ReportError(Exception exception)
    {
        var error = Console.Error;
        switch (exception)
        {
            case CommandAppException usage:
                error.WriteLine($"otklik: {usage.Message}");
                error.WriteLine("hint: run otklik --help, or otklik <verb> --help");
                return ExitCodes.Usage;
            case OtklikException known:
                error.WriteLine($"otklik: {known.Message}");
                if (known.Hint is not null)
                {
                    error.WriteLine($"hint: {known.Hint}");
                }

                break;
            case OperationCanceledException:
                error.WriteLine("otklik: cancelled; batches already committed stay, and running the same import again completes it.");
                break;
            default:
                error.WriteLine($"otklik: unexpected {exception.GetType().Name}: {exception.Message}");
                error.WriteLine("hint: this is a bug or an environment problem; set OTKLIK_TRACE=1 for the stack trace.");
                break;
        }

        if (Environment.GetEnvironmentVariable("OTKLIK_TRACE") == "1")
        {
            error.WriteLine(exception);
        }

        return ExitCodes.Failed;
    }
}
