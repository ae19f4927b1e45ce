using Otklik.Access;
using Otklik.Model;
using Otklik.Sla;
using Otklik.Storage.Cases;

namespace Otklik.Cases;

/// <summary>
/// Changes people make to cases: transitions through <see cref="CaseWorkflow"/>, answers, resident feedback.
/// Each runs in one transaction with its audit events, and is refused as a value (never an exception). The transaction
/// begins writing first (<see cref="CaseSession.BeginWritingAsync"/>): on PostgreSQL an analytics rollup then never
/// saves an event watermark above its uncommitted event.
/// </summary>
public sealed class CaseCommands(CaseDatabase database, SlaPolicy sla, TimeProvider time)
{
    public async Task<CommandResult> TransitionAsync(long caseId, CaseAction action, string? reason, long? bodyId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.May(action))
        {
            return CommandResult.Forbidden;
        }

        await using var session = await database.OpenAsync(write: true, cancellationToken);
        await session.BeginWritingAsync(cancellationToken);
        var now = time.GetUtcNow();
        var current = await session.GetCaseAsync(caseId, caller.Scope, now, cancellationToken);
        if (current is null)
        {
            return CommandResult.NotFound;
        }

        if (CaseWorkflow.Next(current.Status, action) is not { } next)
        {
            return CommandResult.Conflict(current.Status, $"cannot '{Name(action)}' a case in status '{Name(current.Status)}'");
        }

        if (CaseWorkflow.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("reason", $"'{Name(action)}' needs a reason");
        }

        var newBody = current.BodyId;
        if (action is CaseAction.Assign or CaseAction.Reassign)
        {
            if (bodyId is null)
            {
                return CommandResult.Invalid("bodyId", $"'{Name(action)}' needs the body to give the case to");
            }

            if (await session.GetBodyAsync(bodyId.Value, cancellationToken) is null)
            {
                return CommandResult.Invalid("bodyId", $"no body with id {bodyId}");
            }

            newBody = bodyId;
        }

        await ApplyAsync(session, current, action, next, newBody, reason, caller.Actor, now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>A body's reply. First replies stop the first clock; a final answer moves the case to answered and opens feedback.</summary>
    public async Task<CommandResult> AnswerAsync(long caseId, ResponseKind kind, string text, string? url, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.CanChangeCases)
        {
            return CommandResult.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return CommandResult.Invalid("text", "an answer needs a text");
        }

        await using var session = await database.OpenAsync(write: true, cancellationToken);
        await session.BeginWritingAsync(cancellationToken);
        var now = time.GetUtcNow();
        var current = await session.GetCaseAsync(caseId, caller.Scope, now, cancellationToken);
        if (current is null)
        {
            return CommandResult.NotFound;
        }

        string? token = null;
        if (kind == ResponseKind.Final)
        {
            if (CaseWorkflow.Next(current.Status, CaseAction.Answer) is not { } next)
            {
                return CommandResult.Conflict(current.Status, $"cannot answer a case in status '{Name(current.Status)}'");
            }

            await session.AddResponseAsync(new Response(0, caseId, current.BodyId, caller.Name, kind, now, text, url), cancellationToken);
            token = await ApplyAsync(session, current, CaseAction.Answer, next, current.BodyId, null, caller.Actor, now, cancellationToken);
        }
        else
        {
            if (!CaseWorkflow.IsOpen(current.Status))
            {
                return CommandResult.Conflict(current.Status, $"a case in status '{Name(current.Status)}' takes no interim reply");
            }

            await session.AddResponseAsync(new Response(0, caseId, current.BodyId, caller.Name, kind, now, text, url), cancellationToken);
            await session.MarkFirstReplyAsync(caseId, now, cancellationToken);
            await session.AddEventAsync(caseId, now, caller.Actor, kind == ResponseKind.FirstReply ? EventKinds.FirstReply : EventKinds.InterimReply,
                null, null, null, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return CommandResult.Done with { FeedbackToken = token };
    }

    /// <summary>
    /// The resident's word after an answer: fixed closes the case, not fixed reopens it with a fresh answer clock.
    /// Either by the case id (an operator on the resident's behalf) or by the token of the link sent with the answer.
    /// </summary>
    public async Task<CommandResult> FeedbackAsync(long? caseId, string? token, bool fixedIt, string? comment, Caller? caller, CancellationToken cancellationToken = default)
    {
        if (caller is not null && caller.Role is not (Role.Admin or Role.Operator))
        {
            return CommandResult.Forbidden;
        }

        await using var session = await database.OpenAsync(write: true, cancellationToken);
        await session.BeginWritingAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = caseId ?? (token is null ? null : await session.FindCaseByFeedbackTokenAsync(ApiKeys.HashOf(token), cancellationToken));
        var current = id is null ? null : await session.GetCaseAsync(id.Value, caller?.Scope ?? CaseScope.All, now, cancellationToken);
        if (current is null)
        {
            return CommandResult.NotFound;
        }

        var action = fixedIt ? CaseAction.Close : CaseAction.Reopen;
        if (CaseWorkflow.Next(current.Status, action) is not { } next)
        {
            return CommandResult.Conflict(current.Status, $"feedback is taken after an answer; the case is '{Name(current.Status)}'");
        }

        var actor = caller?.Actor ?? Actors.Resident;
        await session.SetFeedbackAsync(current.Id, fixedIt, comment, now, cancellationToken);
        await session.AddEventAsync(current.Id, now, actor, EventKinds.Feedback, null, fixedIt ? "fixed" : "notFixed", comment, cancellationToken);
        await ApplyAsync(session, current, action, next, current.BodyId, fixedIt ? null : "resident: not fixed", actor, now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }

    private async Task<string?> ApplyAsync(CaseSession session, CaseRecord current, CaseAction action, CaseStatus next, long? body, string? reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ends = next is CaseStatus.Closed or CaseStatus.Rejected;
        await session.UpdateCaseAsync(current.Id, next, body, now, ends ? now : null, cancellationToken);
        if (current.AnswerDue is null && CaseWorkflow.IsOpen(next))
        {
            // Bulk-imported cases come without deadlines: their clocks start when someone takes them up.
            var (firstReplyDue, answerDue) = sla.DeadlinesFor(current.Topic, current.TopicGroup, now);
            await session.SetMissingDeadlinesAsync(current.Id, firstReplyDue, answerDue, cancellationToken);
        }

        string? token = null;
        switch (action)
        {
            case CaseAction.Answer:
                token = ApiKeys.NewToken();
                await session.MarkAnsweredAsync(current.Id, now, ApiKeys.HashOf(token), cancellationToken);
                break;
            case CaseAction.Reopen:
                var (_, answerDue) = sla.DeadlinesFor(current.Topic, current.TopicGroup, now);
                await session.RestartAnswerClockAsync(current.Id, answerDue, cancellationToken);
                break;
        }

        var kind = action switch
        {
            CaseAction.Assign => EventKinds.Assigned,
            CaseAction.Reassign => EventKinds.Reassigned,
            CaseAction.Start => EventKinds.Started,
            CaseAction.Answer => EventKinds.Answered,
            CaseAction.Close => EventKinds.Closed,
            CaseAction.Reject => EventKinds.Rejected,
            _ => EventKinds.Reopened,
        };
        var (before, after) = action is CaseAction.Assign or CaseAction.Reassign
            ? (EventKinds.BodyValue(current.BodyId), EventKinds.BodyValue(body))
            : (Name(current.Status), Name(next));
        await session.AddEventAsync(current.Id, now, actor, kind, before, after, reason, cancellationToken);
        return token;
    }

    /// <summary>The camelCase name the API uses.</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
