using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Otklik.Server.Apis;

namespace Otklik.Server;

public static class OtklikEndpointRouteBuilderExtensions
{
    /// <summary>Maps every API area and the OpenAPI document (<c>/openapi/v1.json</c>).</summary>
    public static IEndpointRouteBuilder MapOtklikApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapInfoApi();
        app.MapAuthApi();
        app.MapMessagesApi();
        app.MapCasesApi();
        app.MapRegistryApi();
        app.MapUsersApi();
        app.MapOpen311Api();
        app.MapAnalyticsApi();
        app.MapCorrectionsApi();
        app.MapRatingsApi();
        app.MapWebUi();
        return app;
    }
}
