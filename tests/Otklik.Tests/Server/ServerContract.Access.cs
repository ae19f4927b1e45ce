using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Otklik.Access;
using Otklik.Server.Apis;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task An_executor_sees_only_its_own_bodys_cases_on_every_endpoint_that_returns_cases()
    {
        var server = await StartAsync();
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var theirs = await server.AddBodyAsync("Администрация города Курска");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var own = await operatorClient.OpenCaseAsync("Льгов: не горят фонари на улице Красной", "Администрация Льговского района");
        var foreign = await operatorClient.OpenCaseAsync("Курск: не горят фонари на улице Ленина", "Администрация города Курска");
        var executor = await server.ClientAsync(Role.Executor, ours);

        Assert.Equal([own], (await executor.CasesAsync()).Items.Select(c => c.Id));
        Assert.Equal([own], (await executor.CasesAsync("q=" + Uri.EscapeDataString("фонари"))).Items.Select(c => c.Id));
        Assert.Empty((await executor.CasesAsync($"bodyId={theirs}")).Items);
        Assert.NotNull(await executor.CaseAsync(own));
        Assert.Null(await executor.CaseAsync(foreign));
        Assert.NotNull(await executor.EventsAsync(own));
        Assert.Null(await executor.EventsAsync(foreign));
        var open311 = await executor.GetFromJsonAsync<JsonElement>("/open311/v2/requests.json");
        Assert.Equal([own.ToString()], open311.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await executor.GetAsync($"/open311/v2/requests/{own}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await executor.GetAsync($"/open311/v2/requests/{foreign}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await executor.TransitionAsync(foreign, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await executor.AnswerAsync(foreign, "ответ")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await executor.TransitionAsync(own, "start")).StatusCode);
    }

    [Fact]
    public async Task An_executor_granted_child_bodies_sees_their_cases_too()
    {
        var server = await StartAsync();
        var parent = await server.AddBodyAsync("Управление Роспотребнадзора");
        var child = await server.AddBodyAsync("Отдел Роспотребнадзора в Льгове", parent);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var childCase = await operatorClient.OpenCaseAsync("Продают просроченные продукты", "Отдел Роспотребнадзора в Льгове");

        var withChildren = await server.ClientAsync(Role.Executor, parent, includeChildBodies: true);
        var withoutChildren = await server.ClientAsync(Role.Executor, parent);

        Assert.NotNull(await withChildren.CaseAsync(childCase));
        Assert.Null(await withoutChildren.CaseAsync(childCase));
    }

    [Fact]
    public async Task Roles_limit_what_a_caller_may_do()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Нет отопления", "Администрация");
        var body = (await operatorClient.CaseAsync(id))!.Case.BodyId;
        var analyst = await server.ClientAsync(Role.Analyst);
        var integrator = await server.ClientAsync(Role.Integrator);
        var executor = await server.ClientAsync(Role.Executor, body);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.TransitionAsync(id, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/messages", Api.Message("текст"), Api.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.TransitionAsync(id, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync("/api/users")).StatusCode);
        var close = await executor.TransitionAsync(id, "reject", "спам");
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal("application/problem+json", close.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_non_public_endpoint_needs_a_caller()
    {
        var server = await StartAsync();
        var anonymous = server.Anonymous();
        string[] gets = ["/api/cases", "/api/cases/1", "/api/cases/1/events", "/api/topics", "/api/bodies", "/api/accounts", "/api/users",
            "/api/auth/me", "/open311/v2/services.json", "/open311/v2/requests.json", "/open311/v2/requests/1.json"];
        string[] posts = ["/api/messages", "/api/messages/batch", "/api/cases/1/transitions", "/api/cases/1/answers", "/api/cases/1/feedback",
            "/api/bodies", "/api/accounts", "/api/users", "/api/users/1/api-keys", "/open311/v2/requests.json"];

        foreach (var path in gets)
        {
            Assert.True(HttpStatusCode.Unauthorized == (await anonymous.GetAsync(path)).StatusCode, path);
        }

        foreach (var path in posts)
        {
            Assert.True(HttpStatusCode.Unauthorized == (await anonymous.PostAsJsonAsync(path, new { })).StatusCode, path);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/info")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var badKey = server.Anonymous();
        badKey.DefaultRequestHeaders.Add("X-Api-Key", "otk_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badKey.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task A_user_signs_in_with_a_password_and_the_cookie_carries_the_session()
    {
        var server = await StartAsync();
        var admin = await server.ClientAsync(Role.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new UserInput("ivanova", "operator", null, false, "correct horse battery"), Api.Json);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var weak = await admin.PostAsJsonAsync("/api/users", new UserInput("petrov", "operator", null, false, "short"), Api.Json);
        Assert.True((await weak.ProblemAsync()).GetProperty("errors").TryGetProperty("password", out _));

        var wrong = await server.Anonymous().PostAsJsonAsync("/api/auth/sign-in", new SignInInput("ivanova", "wrong password"), Api.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var browser = await server.SignInAsync("ivanova", "correct horse battery");
        var me = await browser.GetFromJsonAsync<Me>("/api/auth/me", Api.Json);
        Assert.Equal("operator", me!.Role);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/cases")).StatusCode);
        await browser.PostAsync("/api/auth/sign-out", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_name_for_a_while_even_against_the_right_one()
    {
        var server = await StartAsync();
        var admin = await server.ClientAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/users", new UserInput("sidorova", "operator", null, false, "correct horse battery"), Api.Json);
        var guesser = server.Anonymous();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await guesser.PostAsJsonAsync("/api/auth/sign-in", new SignInInput("sidorova", "guess " + attempt), Api.Json);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await guesser.PostAsJsonAsync("/api/auth/sign-in", new SignInInput(" Sidorova ", "correct horse battery"), Api.Json);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.EndsWith("sign-in-throttled", (await locked.ProblemAsync()).GetProperty("type").GetString());

        server.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await guesser.PostAsJsonAsync("/api/auth/sign-in", new SignInInput("sidorova", "correct horse battery"), Api.Json);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_admin_issues_an_api_key_that_is_shown_once_and_works()
    {
        var server = await StartAsync();
        var admin = await server.ClientAsync(Role.Admin);
        var user = await (await admin.PostAsJsonAsync("/api/users", new UserInput("crm", "integrator", null, false, null), Api.Json))
            .Content.ReadFromJsonAsync<UserView>(Api.Json);

        var key = await (await admin.PostAsJsonAsync($"/api/users/{user!.Id}/api-keys", new ApiKeyInput("CRM"), Api.Json))
            .Content.ReadFromJsonAsync<ApiKeyCreated>(Api.Json);

        var crm = server.Anonymous();
        crm.DefaultRequestHeaders.Add("X-Api-Key", key!.Key);
        Assert.Equal("accepted", (await crm.SendAsync(Api.Message("Сообщение из CRM", body: "Администрация"))).Status);
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Null(await session.FindUserByApiKeyAsync(key.Key));
    }

    [Fact]
    public async Task Authors_are_pseudonymized_and_raw_names_are_not_shown()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Сломана лавочка", "Администрация");

        var message = Assert.Single((await operatorClient.CaseAsync(id))!.Messages);

        Assert.StartsWith("a_", message.AuthorId, StringComparison.Ordinal);
        Assert.DoesNotContain("Иван", message.AuthorId, StringComparison.Ordinal);
        Assert.Null(message.Author);
    }
}
