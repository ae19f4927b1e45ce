using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Analytics;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>The analytics dashboard's data, read from the daily rollups; an executor sees its own bodies' numbers only.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/dashboard", GetDashboard).WithTags("Analytics").RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Dashboard>, ValidationProblem>> GetDashboard(
        HttpContext context, CaseDatabase database, DashboardReader reader,
        DateOnly? from = null, DateOnly? to = null, string? topicGroup = null, string? region = null, string? city = null, long? bodyId = null)
    {
        if (from is { } f && to is { } t && t.DayNumber - f.DayNumber > 3660)
        {
            return Problems.Field("from", "the period is at most 10 years");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        var query = new DashboardQuery
        {
            From = from, To = to, TopicGroup = Blank(topicGroup), RegionCode = Blank(region), City = Blank(city), BodyId = bodyId,
        };
        return TypedResults.Ok(await reader.ReadAsync(query, caller.Scope, context.RequestAborted));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
