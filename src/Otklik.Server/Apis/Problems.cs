using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Otklik.Cases;

namespace Otklik.Server.Apis;

/// <summary>RFC 7807 problem details, each naming the field at fault in <c>errors</c> and <c>detail</c>.</summary>
internal static class Problems
{
    public const string Base = "https://otklik.dev/problems/";

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}", title: "Invalid request", type: Base + "validation");

    public static ValidationProblem Fields(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors, detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            title: "Invalid request", type: Base + "validation");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(detail: what + " was not found", statusCode: StatusCodes.Status404NotFound, title: "Not found", type: Base + "not-found");

    /// <summary>A read refused because the server's read queue is full (<see cref="ReadLimitOptions.QueueLimit"/>).</summary>
    public static ProblemHttpResult Busy() =>
        TypedResults.Problem(
            detail: "the server has as many case reads waiting as it queues; try again shortly", statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Server busy", type: Base + "busy");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: Base + "forbidden");

    public static ProblemHttpResult Conflict(CommandResult result) =>
        TypedResults.Problem(
            detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Invalid transition", type: Base + "invalid-transition",
            extensions: new Dictionary<string, object?>
            {
                ["field"] = result.Field,
                ["currentStatus"] = result.Status is { } s ? CaseCommands.Name(s) : null,
                ["allowedActions"] = result.Allowed?.Select(CaseCommands.Name).ToArray() ?? [],
            });
}
