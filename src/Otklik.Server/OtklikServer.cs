using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Otklik.Storage.Cases;

namespace Otklik.Server;

/// <summary>Builds the whole app: used by <c>otklik serve</c> and by the tests, so both run the same thing.</summary>
public static class OtklikServer
{
    /// <summary>
    /// Migrates the database, then builds the app listening on <see cref="OtklikServerOptions.Urls"/>.
    /// <paramref name="configure"/> may add or replace services (an analyzer, a clock) before the app is built.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(OtklikServerOptions options, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var database = await CaseDatabase.OpenAsync(options.Database, null, cancellationToken);
        if (database.Dialect is SqliteDialect)
        {
            // Microsoft.Data.Sqlite runs its "async" calls synchronously: each request holds a pool thread while SQLite
            // works. Start with enough threads that a burst does not wait for the pool's slow growth.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        }

        configure?.Invoke(builder.Services);
        builder.Services.AddOtklik(options, database);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var web = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(web))
        {
            var files = new PhysicalFileProvider(web);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        // Before authentication: an API key is looked up in the database, which is part of the read the limit paces.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOtklikApi();
        return app;
    }

    /// <summary>
    /// The search upkeep's options as a server started here would read them: <see cref="Storage.Cases.SearchUpkeepOptions.Section"/>
    /// of the same configuration (<c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> beside the binary,
    /// then environment variables such as <c>Otklik__SearchUpkeep__MinInterval</c>), bound and checked by the same
    /// registration. For <c>otklik maintain --if-due</c>, so an operator who changed the rule for the server gets it
    /// from the command too. Throws <see cref="OptionsValidationException"/> for values the server would refuse.
    /// </summary>
    public static SearchUpkeepOptions SearchUpkeepOptions()
    {
        var builder = CreateBuilder();
        using var configuration = builder.Configuration;
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        OtklikServiceCollectionExtensions.AddSearchUpkeepOptions(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SearchUpkeepOptions>>().Value;
    }

    // One builder for the server and for what reads its configuration without starting it: the same sources, in the same order.
    private static WebApplicationBuilder CreateBuilder() =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

    /// <summary>The first address the started app listens on (the real port when 0 was asked for).</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
