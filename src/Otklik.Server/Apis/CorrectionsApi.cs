using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>
/// The operator's one-click correction of what the analyzer decided about a case's topic (the body is corrected with
/// an assign/reassign transition). Each correction is an event with the labels before and after: the retraining set.
/// </summary>
public static class CorrectionsApi
{
    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:long}/labels", PostLabels).WithTags("Cases").RequireAuthorization(Policies.Work);
        return app;
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, ValidationProblem>> PostLabels(
        long id, LabelInput input, HttpContext context, CaseDatabase database, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(input.Topic) || input.Topic.Trim().Length > 300)
        {
            return Problems.Field("topic", "must be 1 to 300 characters");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        if (caller.Role is not (Role.Admin or Role.Operator))
        {
            return Problems.Forbidden("only operators and admins correct topics");
        }

        var now = time.GetUtcNow();
        var topic = input.Topic.Trim();
        var group = string.IsNullOrWhiteSpace(input.TopicGroup) ? null : input.TopicGroup.Trim();
        await using (var session = await database.OpenAsync(write: true, context.RequestAborted))
        {
            await session.BeginWritingAsync(context.RequestAborted);
            var record = await session.GetCaseAsync(id, caller.Scope, now, context.RequestAborted);
            if (record is null)
            {
                return Problems.NotFound($"case {id}");
            }

            if (!string.Equals(record.Topic, topic, StringComparison.Ordinal) || !string.Equals(record.TopicGroup, group, StringComparison.Ordinal))
            {
                await session.RelabelCaseAsync(id, group, topic, now, context.RequestAborted);
                await session.AddEventAsync(id, now, caller.Actor, EventKinds.Relabeled, EventKinds.TopicValue(record.TopicGroup, record.Topic), EventKinds.TopicValue(group, topic),
                    record.Confidence is { } c ? FormattableString.Invariant($"analyzer confidence {c:0.00}, source {record.LabelSource}") : null,
                    context.RequestAborted);
                await session.CommitAsync(context.RequestAborted);
            }
        }

        var detail = await CasesApi.DetailAsync(id, caller, database, time, null, context.RequestAborted);
        return detail is null ? Problems.NotFound($"case {id}") : TypedResults.Ok(detail);
    }
}
