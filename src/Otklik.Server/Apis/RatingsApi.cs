using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Ratings.Method;
using Otklik.Ratings.Output;
using Otklik.Server.Ratings;

namespace Otklik.Server.Apis;

/// <summary>The public ratings (no sign-in): periods, the methodology in force, and a period's report with breakdowns.</summary>
public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ratings").WithTags("Ratings").AllowAnonymous();
        group.MapGet("/", GetReport);
        group.MapGet("/periods", GetPeriods);
        group.MapGet("/methodology", GetMethodology);
        return app;
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> GetReport(LiveRatings ratings, HttpContext context, string? period = null)
    {
        var parsed = RatingPeriod.TryParse(period ?? ratings.CurrentPeriod);
        if (parsed is null)
        {
            return Problems.Field("period", "use a quarter such as 2026-Q4 or a year such as 2026");
        }

        var report = await ratings.ReportAsync(parsed, context.RequestAborted);
        // The ratings' own JSON (RatingsJson): the same document the CLI writes with --format json.
        return TypedResults.Content(RatingsJson.ToJson(report), "application/json; charset=utf-8");
    }

    public static async Task<Ok<RatingsPeriods>> GetPeriods(LiveRatings ratings, HttpContext context) =>
        TypedResults.Ok(new RatingsPeriods(await ratings.PeriodsAsync(context.RequestAborted), ratings.CurrentPeriod));

    public static ContentHttpResult GetMethodology(LiveRatings ratings) =>
        TypedResults.Content(JsonSerializer.Serialize(ratings.Method, Methodology.SerializerOptions), "application/json; charset=utf-8");
}
