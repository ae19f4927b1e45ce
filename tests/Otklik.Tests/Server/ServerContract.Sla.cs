using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Otklik.Access;
using Otklik.Sla;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task Missed_deadlines_show_as_overdue_get_one_reminder_each_and_escalate_to_the_parent_body()
    {
        var server = await StartAsync();
        var region = await server.AddBodyAsync("Комитет ЖКХ Курской области");
        var city = await server.AddBodyAsync("Комитет ЖКХ города Курска", region);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Нет горячей воды", "Комитет ЖКХ города Курска");
        var regionExecutor = await server.ClientAsync(Role.Executor, region);
        var monitor = server.Service<SlaMonitor>();

        server.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal([id], (await operatorClient.CasesAsync("overdue=true")).Items.Select(c => c.Id));
        Assert.Equal(1, (await monitor.RunOnceAsync()).Reminders);
        Assert.Equal(0, (await monitor.RunOnceAsync()).Reminders);
        Assert.Null(await regionExecutor.CaseAsync(id));

        server.Clock.Advance(TimeSpan.FromDays(8));
        var pass = await monitor.RunOnceAsync();
        Assert.Equal((1, 1), (pass.Reminders, pass.Escalations));
        var escalated = (await regionExecutor.CaseAsync(id))!;
        Assert.Equal(region, escalated.Case.EscalatedToBodyId);
        var escalation = Assert.Single(escalated.Timeline, e => e.Kind == "escalated");
        Assert.Equal((city.ToString(), region.ToString(), "sla"), (escalation.Before, escalation.After, escalation.Actor));
        Assert.Equal(2, escalated.Timeline.Count(e => e.Kind == "reminder"));
    }

    [Fact]
    public async Task A_case_answered_in_time_is_never_overdue()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Сломан лифт", "Администрация");
        server.Clock.Advance(TimeSpan.FromHours(3));
        await operatorClient.AnswerAsync(id, "Лифт починен").MustAsync();

        server.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Empty((await operatorClient.CasesAsync("overdue=true")).Items);
        Assert.Equal(0, (await server.Service<SlaMonitor>().RunOnceAsync()).Reminders);
    }

    [Fact]
    public async Task Retention_removes_texts_of_long_closed_cases_and_keeps_the_statistics()
    {
        var server = await StartAsync(services => services.Configure<SlaOptions>(o => o.RetentionDays = 30));
        var operatorClient = await server.ClientAsync(Role.Operator);
        var closed = await operatorClient.OpenCaseAsync("Моя фамилия Сидоров, во дворе яма", "Администрация");
        var open = await operatorClient.OpenCaseAsync("Не работает домофон в подъезде", "Администрация");
        var answered = await operatorClient.AnswerAsync(closed, "Яму засыпали").MustAsync();
        await operatorClient.PostAsJsonAsync($"/api/cases/{closed}/feedback", new { @fixed = true });

        server.Clock.Advance(TimeSpan.FromDays(31));
        var pass = await server.Service<SlaMonitor>().RunOnceAsync();

        Assert.Equal(1, pass.CasesWithTextsRemoved);
        var gone = (await operatorClient.CaseAsync(closed))!;
        Assert.Equal(string.Empty, Assert.Single(gone.Messages).Text);
        Assert.True(gone.Messages[0].TextRemoved);
        Assert.Equal(string.Empty, gone.Case.Title);
        Assert.Equal(1, gone.Case.MessageCount);
        Assert.Equal("Администрация", gone.Case.BodyName);
        Assert.Empty((await operatorClient.CasesAsync("q=" + Uri.EscapeDataString("Сидоров"))).Items);
        Assert.NotEmpty((await operatorClient.CaseAsync(open))!.Messages[0].Text);
        Assert.NotNull(answered);
    }

    [Fact]
    public async Task Open311_clients_list_services_post_a_request_and_read_it_back()
    {
        var server = await StartAsync(services => services.Configure<Otklik.Processing.ProcessingOptions>(o => o.DefaultBody = "Приёмная губернатора"));
        var integrator = await server.ClientAsync(Role.Integrator);
        await integrator.OpenCaseAsync("Не горят фонари", "Администрация", "Освещение");

        var services = await integrator.GetFromJsonAsync<JsonElement>("/open311/v2/services.json");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "Освещение");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "Освещение", ["description"] = "Темно на остановке", ["lat"] = "51.73", ["long"] = "36.19",
            ["address_string"] = "ул. Союзная, 71Б", ["email"] = "resident@example.org",
        });
        var created = await (await integrator.PostAsync("/open311/v2/requests.json", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created[0].GetProperty("service_request_id").GetString();

        var request = (await integrator.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Приёмная губернатора", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(51.73, request.GetProperty("lat").GetDouble());
        Assert.Equal("ул. Союзная, 71Б", request.GetProperty("address").GetString());
        var bad = await integrator.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["lat"] = "91" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // Open311 clients send the key as a form field.
        var key = await server.KeyAsync(Role.Integrator);
        var withFormKey = await server.Anonymous().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "Освещение", ["description"] = "Темно у школы",
        }));
        Assert.Equal(HttpStatusCode.OK, withFormKey.StatusCode);
        var withoutKey = await server.Anonymous().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["description"] = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    [Fact]
    public async Task The_app_serves_its_OpenAPI_document()
    {
        var server = await StartAsync();

        var document = await server.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cases", out _));
        Assert.True(paths.TryGetProperty("/api/messages/batch", out _));
        Assert.True(paths.TryGetProperty("/open311/v2/requests.json", out _));
    }
}
