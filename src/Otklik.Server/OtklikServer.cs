using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
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

    /// <summary>The first address the started app listens on (the real port when 0 was asked for).</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
