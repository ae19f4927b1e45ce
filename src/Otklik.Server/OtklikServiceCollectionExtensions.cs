using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Privacy;
using Otklik.Processing;
using Otklik.Routing;
using Otklik.Server.Apis;
using Otklik.Server.Auth;
using Otklik.Server.Workers;
using Otklik.Sla;
using Otklik.Storage.Cases;
using Otklik.Text.Classification;
using Otklik.Text.Understanding;

namespace Otklik.Server;

public static class OtklikServiceCollectionExtensions
{
    /// <summary>
    /// Everything the server needs: the opened database, the clock, processing, SLA, access (cookie for browsers, API
    /// key for integrators), JSON, problem details, OpenAPI and the workers. Options bind from <c>Otklik:Processing</c>
    /// and <c>Otklik:Sla</c>. An <see cref="IMessageAnalyzer"/> registered before this call replaces the label analyzer.
    /// </summary>
    public static IServiceCollection AddOtklik(this IServiceCollection services, OtklikServerOptions options, CaseDatabase database)
    {
        services.AddSingleton(options);
        services.AddSingleton(database);
        services.AddSingleton(options.Time ?? TimeProvider.System);
        services.AddOptions<ProcessingOptions>().BindConfiguration("Otklik:Processing");
        services.AddOptions<SlaOptions>().BindConfiguration("Otklik:Sla")
            .Validate(o => o.FirstReply > TimeSpan.Zero && o.Answer > TimeSpan.Zero && o.CheckEvery > TimeSpan.Zero, "SLA durations must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessingOptions>>().Value);
        services.AddSingleton(sp => new SlaPolicy(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        AddUnderstanding(services, options);
        services.TryAddSingleton<IMessageAnalyzer>(sp => new LabelAnalyzer(sp.GetRequiredService<ProcessingOptions>()));
        services.AddSingleton(_ => Pseudonymizer.FromSettings(options.PseudonymKey, options.DataDirectory));
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton<Auth.SignInThrottle>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<SlaMonitor>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<Otklik.Analytics.DashboardReader>();
        services.AddSingleton<Ratings.LiveRatings>();
        if (options.RunWorkers)
        {
            services.AddHostedService<ProcessingWorker>();
            services.AddHostedService<SlaWorker>();
        }

        AddSearchUpkeep(services, options);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        AddAccess(services);
        AddReadLimit(services, database);
        return services;
    }

    /// <summary>
    /// The search index's upkeep (<see cref="SearchIndexUpkeep"/>), options from <see cref="SearchUpkeepOptions.Section"/>
    /// checked at start-up; its worker when enabled (and workers run).
    /// </summary>
    private static void AddSearchUpkeep(IServiceCollection services, OtklikServerOptions options)
    {
        AddSearchUpkeepOptions(services);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchUpkeepOptions>>().Value);
        services.AddSingleton<SearchIndexUpkeep>();
        if (options.RunWorkers)
        {
            services.AddHostedService<SearchUpkeepWorker>();
        }
    }

    /// <summary>
    /// <see cref="SearchUpkeepOptions"/> from the configuration's <see cref="SearchUpkeepOptions.Section"/>, checked at
    /// start-up. <c>otklik maintain</c> reads them through this too (<see cref="OtklikServer.SearchUpkeepOptions"/>), so
    /// the command and the server keep one rule.
    /// </summary>
    internal static OptionsBuilder<SearchUpkeepOptions> AddSearchUpkeepOptions(IServiceCollection services) =>
        services.AddOptions<SearchUpkeepOptions>().BindConfiguration(SearchUpkeepOptions.Section)
            .Validate(o => o.Problem() is null, "Otklik:SearchUpkeep: CheckEvery and SqliteCheckEvery must be positive, MinInterval, GrowthFraction and SqlitePauseWait not negative, MinNewMessages at least 1, SqliteMinSegments at least 2")
            .ValidateOnStart();

    /// <summary>
    /// The <see cref="ReadLimitOptions.Policy"/> policy: a concurrency limiter that queues the rest in arrival order, or
    /// none when the options resolve to no limit. Its partition (one, for the whole server) is built at the first read.
    /// </summary>
    private static void AddReadLimit(IServiceCollection services, CaseDatabase database)
    {
        services.AddOptions<ReadLimitOptions>().BindConfiguration(ReadLimitOptions.Section)
            .Validate(o => o.MaxConcurrent is null or >= 0, "Otklik:Reads:MaxConcurrent must be 0 (no limit) or more; leave it out for the default")
            .Validate(o => o.QueueLimit >= 0, "Otklik:Reads:QueueLimit must be 0 or more")
            .ValidateOnStart();
        var postgres = database.Dialect is PostgresDialect;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;

            // Problem details like every other error, and a hint when to come back: the queue drains in milliseconds.
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Apis.Problems.Busy().ExecuteAsync(context.HttpContext));
            };
            limiter.AddPolicy(ReadLimitOptions.Policy, context =>
            {
                var reads = context.RequestServices.GetRequiredService<IOptions<ReadLimitOptions>>().Value;
                var permits = reads.Permits(postgres);
                return permits == 0
                    ? RateLimitPartition.GetNoLimiter(ReadLimitOptions.Policy)
                    : RateLimitPartition.GetConcurrencyLimiter(ReadLimitOptions.Policy, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = permits, QueueLimit = reads.QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
            });
        });
    }

    /// <summary>
    /// The model analyzer when the model file exists and this build can read it (loaded at first use: the gazetteer
    /// takes seconds), routing by the database's routing table when one was imported, else the shipped file; without a
    /// readable model the label analyzer stays (`serve` says why).
    /// </summary>
    private static void AddUnderstanding(IServiceCollection services, OtklikServerOptions options)
    {
        services.AddOptions<UnderstandingOptions>().BindConfiguration("Otklik:Understanding");
        var model = options.ModelFile;
        if (File.Exists(model) && TextClassifier.CheckFile(model) is null)
        {
            services.TryAddSingleton<IMessageAnalyzer>(sp =>
            {
                var understanding = sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
                var folder = ReferenceData.Find(understanding.ReferenceData);
                // Built once, at the first message: the routing table imported into the database wins over the shipped file.
                var (table, _) = RoutingTables.LoadAsync(options.Database, Path.Combine(folder, ReferenceData.RoutingTable), CancellationToken.None)
                    .GetAwaiter().GetResult();
                return new ModelAnalyzer(ReferenceData.Load(TextClassifier.Load(model), folder, table), understanding);
            });
        }
    }

    private static void AddAccess(IServiceCollection services)
    {
        services.AddAuthentication(OtklikClaims.Scheme)
            .AddPolicyScheme(OtklikClaims.Scheme, "cookie or API key", o =>
                o.ForwardDefaultSelector = context =>
                    ApiKeyHandler.KeyOf(context.Request) is not null || IsOpen311Post(context.Request)
                        ? OtklikClaims.ApiKeyScheme
                        : OtklikClaims.Scheme + ".cookie")
            .AddCookie(OtklikClaims.Scheme + ".cookie", o =>
            {
                o.Cookie.Name = "otklik.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // An API answers 401/403, never a redirect to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(OtklikClaims.ApiKeyScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Work, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Operator), nameof(Role.Executor)))
            .AddPolicy(Policies.Ingest, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Operator), nameof(Role.Integrator)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Admin)));
    }

    private static bool IsOpen311Post(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && request.Path.StartsWithSegments("/open311", StringComparison.Ordinal);
}
