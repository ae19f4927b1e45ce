using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>
/// Cases: the list with filters and cursor paging, the detail with its timeline, the audit events, transitions,
/// answers and resident feedback. Every read and change goes through the caller's scope: a case outside it is 404.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListCases).RequireRateLimiting(ReadLimitOptions.Policy);
        group.MapGet("/{id:long}", GetCase).RequireRateLimiting(ReadLimitOptions.Policy);
        group.MapGet("/{id:long}/events", GetEvents).RequireRateLimiting(ReadLimitOptions.Policy);
        group.MapPost("/{id:long}/transitions", PostTransition).RequireAuthorization(Policies.Work);
        group.MapPost("/{id:long}/answers", PostAnswer).RequireAuthorization(Policies.Work);
        group.MapPost("/{id:long}/feedback", PostFeedback).RequireAuthorization(Policies.Work);
        app.MapGet("/api/topics", ListTopics).WithTags("Cases").RequireAuthorization(Policies.Read);
        app.MapPost("/api/feedback/{token}", PostResidentFeedback).WithTags("Cases").AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<CaseList>, ValidationProblem>> ListCases(
        HttpContext context, CaseDatabase database, TimeProvider time,
        string? status = null, string? topic = null, string? topicGroup = null, long? bodyId = null, string? region = null,
        string? city = null, DateTimeOffset? from = null, DateTimeOffset? to = null, bool? overdue = null, string? q = null,
        string? sort = null, int? limit = null, string? cursor = null)
    {
        List<CaseStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statuses = [];
            foreach (var part in status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<CaseStatus>(part, ignoreCase: true, out var parsed) || int.TryParse(part, CultureInfo.InvariantCulture, out _))
                {
                    return Problems.Field("status", $"unknown status '{part}'; use {string.Join(", ", Enum.GetValues<CaseStatus>().Select(CaseCommands.Name))}");
                }

                statuses.Add(parsed);
            }
        }

        var order = CaseSort.Newest;
        if (sort is not null && !Enum.TryParse(sort, ignoreCase: true, out order))
        {
            return Problems.Field("sort", "use 'newest' or 'due'");
        }

        if (limit is < 1 or > 200)
        {
            return Problems.Field("limit", "must be between 1 and 200");
        }

        CaseCursor? after = null;
        if (cursor is not null && (after = CaseCursor.TryDecode(cursor)) is null)
        {
            return Problems.Field("cursor", "is not a cursor from this list; start again without it");
        }

        var query = new CaseFilter
        {
            Statuses = statuses, Topic = topic, TopicGroup = topicGroup, BodyId = bodyId, RegionCode = region, City = city,
            From = from, To = to, Overdue = overdue == true, Text = string.IsNullOrWhiteSpace(q) ? null : q, Sort = order,
            Limit = limit ?? 50, After = after,
        };
        if (after is not null && after.Order != query.Order)
        {
            return Problems.Field("cursor", "was made for another order (sort, a search, a period or overdue given or not); start again without it");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var page = await session.ListCasesAsync(query, caller.Scope, time.GetUtcNow(), context.RequestAborted);
        return TypedResults.Ok(new CaseList(page.Items, page.Next?.Encode()));
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetCase(long id, HttpContext context, CaseDatabase database, TimeProvider time)
    {
        var caller = await CallerResolver.ResolveAsync(context, database);
        var detail = await DetailAsync(id, caller, database, time, null, context.RequestAborted);
        return detail is null ? Problems.NotFound($"case {id}") : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<List<CaseEvent>>, ProblemHttpResult>> GetEvents(long id, HttpContext context, CaseDatabase database, TimeProvider time)
    {
        var caller = await CallerResolver.ResolveAsync(context, database);
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        if (await session.GetCaseAsync(id, caller.Scope, time.GetUtcNow(), context.RequestAborted) is null)
        {
            return Problems.NotFound($"case {id}");
        }

        return TypedResults.Ok(await session.EventsOfCaseAsync(id, context.RequestAborted));
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, ValidationProblem>> PostTransition(
        long id, TransitionInput input, HttpContext context, CaseDatabase database, CaseCommands commands, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(input.Action) || !Enum.TryParse<CaseAction>(input.Action, ignoreCase: true, out var action)
            || int.TryParse(input.Action, CultureInfo.InvariantCulture, out _))
        {
            return Problems.Field("action", $"use one of {string.Join(", ", Enum.GetValues<CaseAction>().Select(CaseCommands.Name))}");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        var result = await commands.TransitionAsync(id, action, input.Reason, input.BodyId, caller, context.RequestAborted);
        return await ToResultAsync(result, id, caller, database, time, context.RequestAborted);
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, ValidationProblem>> PostAnswer(
        long id, AnswerInput input, HttpContext context, CaseDatabase database, CaseCommands commands, TimeProvider time)
    {
        var kind = ResponseKind.Final;
        if (input.Kind is not null && (!Enum.TryParse(input.Kind, ignoreCase: true, out kind) || int.TryParse(input.Kind, CultureInfo.InvariantCulture, out _)))
        {
            return Problems.Field("kind", "use firstReply, interim or final");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        var result = await commands.AnswerAsync(id, kind, input.Text ?? string.Empty, input.Url, caller, context.RequestAborted);
        return await ToResultAsync(result, id, caller, database, time, context.RequestAborted);
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, ValidationProblem>> PostFeedback(
        long id, FeedbackInput input, HttpContext context, CaseDatabase database, CaseCommands commands, TimeProvider time)
    {
        if (input.Fixed is not { } fixedIt)
        {
            return Problems.Field("fixed", "say true (fixed: close the case) or false (not fixed: reopen it)");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        var result = await commands.FeedbackAsync(id, null, fixedIt, input.Comment, caller, context.RequestAborted);
        return await ToResultAsync(result, id, caller, database, time, context.RequestAborted);
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PostResidentFeedback(
        string token, FeedbackInput input, HttpContext context, CaseCommands commands)
    {
        if (input.Fixed is not { } fixedIt)
        {
            return Problems.Field("fixed", "say true (fixed) or false (not fixed)");
        }

        var result = await commands.FeedbackAsync(null, token, fixedIt, input.Comment, null, context.RequestAborted);
        return result.Outcome switch
        {
            CommandOutcome.Done => TypedResults.NoContent(),
            CommandOutcome.Conflict => Problems.Conflict(result),
            _ => Problems.NotFound("the feedback link"),
        };
    }

    public static async Task<Ok<List<TopicRow>>> ListTopics(HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var rows = await session.ListTopicsAsync(context.RequestAborted);
        return TypedResults.Ok(rows.Select(r => new TopicRow(r.TopicGroup, r.Topic, r.Cases)).ToList());
    }

    internal static async Task<CaseDetail?> DetailAsync(long id, Caller caller, CaseDatabase database, TimeProvider time, string? feedbackToken, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(write: false, cancellationToken);
        var record = await session.GetCaseAsync(id, caller.Scope, time.GetUtcNow(), cancellationToken);
        if (record is null)
        {
            return null;
        }

        var showRaw = caller.Role is Role.Admin or Role.Operator;
        var messages = (await session.MessagesOfCaseAsync(id, cancellationToken)).Select(m => new MessageView(
            m.Id, m.Message.Channel, m.Message.ExternalId, m.Message.Url, m.Message.AuthorId, showRaw ? m.Message.AuthorRaw : null,
            m.Message.Text, m.Message.ReceivedAt, m.Message.PostedAt, m.Message.Address, m.Message.Latitude, m.Message.Longitude,
            m.TextRemoved)).ToList();
        var allowed = CaseWorkflow.Allowed(record.Status).Where(caller.May).Select(CaseCommands.Name).ToList();
        return new CaseDetail(
            record, allowed, messages, await session.ResponsesOfCaseAsync(id, cancellationToken),
            await session.EventsOfCaseAsync(id, cancellationToken),
            feedbackToken is null ? null : "/api/feedback/" + feedbackToken);
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, ValidationProblem>> ToResultAsync(
        CommandResult result, long id, Caller caller, CaseDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.Done:
                var detail = await DetailAsync(id, caller, database, time, result.FeedbackToken, cancellationToken);
                // A reassignment can move the case out of the executor's scope: the change is done, the case no longer theirs.
                return detail is null ? Problems.NotFound($"case {id} (no longer in your scope)") : TypedResults.Ok(detail);
            case CommandOutcome.NotFound:
                return Problems.NotFound($"case {id}");
            case CommandOutcome.Forbidden:
                return Problems.Forbidden($"a {CaseCommands.Name(caller.Role)} may not do this");
            case CommandOutcome.Invalid:
                return Problems.Field(result.Field!, result.Message!);
            default:
                return Problems.Conflict(result);
        }
    }
}
