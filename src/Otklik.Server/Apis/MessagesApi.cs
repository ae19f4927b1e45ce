using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Server.Auth;

namespace Otklik.Server.Apis;

/// <summary>
/// Messages in, one or a batch. Stored first (idempotent by channel + external id, one transaction per request), then
/// processed into cases right away; if processing fails the messages stay pending and the worker retries them.
/// </summary>
public static class MessagesApi
{
    public const int MaxBatch = 5000;
    public const int MaxText = 100_000;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(Policies.Ingest);
        group.MapPost("/", PostOne);
        group.MapPost("/batch", PostBatch);
        return app;
    }

    public static async Task<Results<Ok<MessageResult>, ValidationProblem>> PostOne(MessageInput input, HttpContext context, MessageIntake intake)
    {
        if (Validate(input, string.Empty) is { } errors)
        {
            return Problems.Fields(errors);
        }

        var result = await intake.AcceptAsync([input], context.RequestAborted);
        return TypedResults.Ok(result.Results[0]);
    }

    public static async Task<Results<Ok<BatchResult>, ValidationProblem>> PostBatch(BatchInput input, HttpContext context, MessageIntake intake)
    {
        if (input.Messages is not { Count: > 0 } messages)
        {
            return Problems.Field("messages", "must hold at least one message");
        }

        if (messages.Count > MaxBatch)
        {
            return Problems.Field("messages", $"at most {MaxBatch} messages per batch, got {messages.Count}");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            if (Validate(messages[i], string.Create(CultureInfo.InvariantCulture, $"messages[{i}].")) is { } e)
            {
                foreach (var pair in e)
                {
                    errors[pair.Key] = pair.Value;
                }
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        return TypedResults.Ok(await intake.AcceptAsync(messages, context.RequestAborted));
    }

    internal static Dictionary<string, string[]>? Validate(MessageInput? m, string prefix)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (m is null)
        {
            errors[prefix.TrimEnd('.')] = ["must be a message object"];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(m.Channel))
        {
            errors[prefix + "channel"] = ["must not be empty"];
        }

        if (string.IsNullOrWhiteSpace(m.ExternalId))
        {
            errors[prefix + "externalId"] = ["must not be empty"];
        }

        if (string.IsNullOrWhiteSpace(m.Text))
        {
            errors[prefix + "text"] = ["must not be empty"];
        }
        else if (m.Text.Length > MaxText)
        {
            errors[prefix + "text"] = [$"at most {MaxText} characters"];
        }

        if (m.Latitude is < -90 or > 90)
        {
            errors[prefix + "latitude"] = ["must be between -90 and 90"];
        }

        if (m.Longitude is < -180 or > 180)
        {
            errors[prefix + "longitude"] = ["must be between -180 and 180"];
        }

        return errors.Count == 0 ? null : errors;
    }
}
