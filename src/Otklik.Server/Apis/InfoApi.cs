using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Otklik.Server.Apis;

/// <summary>What the app is and whether it is the simulated demo: the UI shows the banner on every page when it is.</summary>
public static class InfoApi
{
    public const string DemoBanner = "Демонстрация: обращения, ответы и сроки смоделированы, время ускорено.";

    public static IEndpointRouteBuilder MapInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/info", GetInfo).AllowAnonymous().WithTags("Info");
        return app;
    }

    public static Ok<Info> GetInfo(OtklikServerOptions options, TimeProvider time) =>
        TypedResults.Ok(new Info(
            "Otklik",
            typeof(InfoApi).Assembly.GetName().Version?.ToString() ?? "0",
            options.Demo,
            options.Demo ? DemoBanner : null,
            time.GetUtcNow()));
}
