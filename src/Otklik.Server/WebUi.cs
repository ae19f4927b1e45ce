using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Otklik.Server;

/// <summary>
/// The web workspace (wwwroot: plain HTML, CSS and ES modules, no build step). Static files are served by the app's
/// static file middleware; this maps the single-page app's routes to index.html, with a strict Content-Security-Policy
/// so that even a rendering mistake cannot run a resident's markup. To add a page: a module in wwwroot/js/pages, a route
/// in wwwroot/js/app.js, and its path here.
/// </summary>
public static class WebUi
{
    /// <summary>No inline scripts or styles, nothing from other origins; images may be data:/blob: (chart exports).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly string[] Pages = ["/", "/sign-in", "/inbox", "/cases/{id:long}", "/my", "/dashboard", "/ratings", "/ratings/methodology"];

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        var index = Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html");
        foreach (var page in Pages)
        {
            app.MapGet(page, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(index, "text/html; charset=utf-8");
            }).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }
}
