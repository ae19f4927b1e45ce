using System.Net;
using System.Net.Http.Json;
using Otklik.Access;
using Otklik.Model;
using Otklik.Server.Apis;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task An_invalid_transition_is_a_409_listing_the_allowed_actions()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Не горит свет в подъезде", "Управляющая компания");

        var response = await operatorClient.TransitionAsync(id, "close");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("assigned", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(["reassign", "start", "answer", "reject"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Reject_reassign_and_reopen_need_a_reason_named_in_the_problem()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var other = await server.AddBodyAsync("Комитет транспорта");
        var id = await operatorClient.OpenCaseAsync("Автобус не ходит", "Администрация");

        var reject = await operatorClient.TransitionAsync(id, "reject");
        var reassign = await operatorClient.TransitionAsync(id, "reassign", bodyId: other);
        var noBody = await operatorClient.TransitionAsync(id, "reassign", reason: "не наш вопрос");

        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        Assert.True((await reject.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await reassign.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await noBody.ProblemAsync()).GetProperty("errors").TryGetProperty("bodyId", out _));
    }

    [Fact]
    public async Task Every_change_is_an_audit_event_with_who_when_before_and_after()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var transport = await server.AddBodyAsync("Комитет транспорта");
        var id = await operatorClient.OpenCaseAsync("Автобус 12 не ходит по расписанию", "Администрация");
        var before = (await operatorClient.CaseAsync(id))!.Case.BodyId;
        server.Clock.Advance(TimeSpan.FromMinutes(30));

        await operatorClient.TransitionAsync(id, "reassign", "маршруты ведёт комитет транспорта", transport).MustAsync();

        var events = (await operatorClient.EventsAsync(id))!;
        Assert.Equal(["created", "assigned", "reassigned"], events.Select(e => e.Kind));
        var reassigned = events[^1];
        Assert.Equal("user:operator1", reassigned.Actor);
        Assert.Equal(TestServer.Start.AddMinutes(30), reassigned.At);
        Assert.Equal(before.ToString(), reassigned.Before);
        Assert.Equal(transport.ToString(), reassigned.After);
        Assert.Equal("маршруты ведёт комитет транспорта", reassigned.Note);
    }

    [Fact]
    public async Task After_an_answer_the_resident_saying_not_fixed_reopens_and_fixed_closes()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var anonymous = server.Anonymous();
        var id = await operatorClient.OpenCaseAsync("Не убран снег во дворе", "Администрация");

        var answered = await operatorClient.AnswerAsync(id, "Снег убран").MustAsync();
        Assert.Equal(CaseStatus.Answered, answered.Case.Status);
        Assert.NotNull(answered.Case.AnsweredAt);
        server.Clock.Advance(TimeSpan.FromDays(1));

        var notFixed = await anonymous.PostAsJsonAsync(answered.FeedbackUrl, new FeedbackInput(false, "снег лежит"), Api.Json);
        Assert.Equal(HttpStatusCode.NoContent, notFixed.StatusCode);
        var reopened = (await operatorClient.CaseAsync(id))!.Case;
        Assert.Equal(CaseStatus.Reopened, reopened.Status);
        Assert.Null(reopened.AnsweredAt);
        Assert.Equal(TestServer.Start.AddDays(9), reopened.AnswerDue);
        // The link is spent: it cannot be replayed.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync(answered.FeedbackUrl, new FeedbackInput(true, null), Api.Json)).StatusCode);

        var again = await operatorClient.AnswerAsync(id, "Теперь убран").MustAsync();
        await anonymous.PostAsJsonAsync(again.FeedbackUrl, new FeedbackInput(true, null), Api.Json);
        var closed = (await operatorClient.CaseAsync(id))!;
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        Assert.Equal(true, closed.Case.FeedbackFixed);
        Assert.Contains(closed.Timeline, e => e is { Kind: "feedback", Actor: "resident", After: "fixed" });
    }

    [Fact]
    public async Task A_first_public_reply_stops_the_first_clock_only()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Не работает светофор", "Администрация");
        server.Clock.Advance(TimeSpan.FromHours(2));

        var detail = await operatorClient.AnswerAsync(id, "Приняли в работу", "firstReply").MustAsync();

        Assert.Equal(TestServer.Start.AddHours(2), detail.Case.FirstReplyAt);
        Assert.Null(detail.Case.AnsweredAt);
        Assert.Equal(CaseStatus.Assigned, detail.Case.Status);
        Assert.Equal(ResponseKind.FirstReply, Assert.Single(detail.Responses).Kind);
    }
}
