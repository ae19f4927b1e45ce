using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Otklik.Processing;
using Otklik.Server;
using Otklik.Tests.Support;
using Otklik.Tests.Text;

namespace Otklik.Tests.Server;

/// <summary>The server with a model file in its data folder: messages posted over real HTTP are understood by the model, places and the router.</summary>
public sealed class UnderstandingOverHttpTests : IDisposable
{
    private const string Password = "correct-horse-42";
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_unlabeled_message_is_routed_by_the_model_with_its_version_confidence_and_deadlines()
    {
        await using var app = await StartAsync(withModel: true, autoAssign: 0.0);
        using var client = await SignedInAsync(app);

        var caseJson = await PostAndReadCaseAsync(client, SmallModel.Held[0].Text);

        Assert.Equal("model:" + SmallModel.Model.ModelVersion, caseJson.GetProperty("labelSource").GetString());
        Assert.Equal("assigned", caseJson.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(caseJson.GetProperty("bodyName").GetString()));
        Assert.NotEqual(JsonValueKind.Null, caseJson.GetProperty("firstReplyDue").ValueKind);
        Assert.Contains(caseJson.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("route #1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_the_confidence_threshold_the_case_waits_for_an_operator_with_the_suggested_body()
    {
        await using var app = await StartAsync(withModel: true, autoAssign: 1.01);
        using var client = await SignedInAsync(app);

        var caseJson = await PostAndReadCaseAsync(client, SmallModel.Held[1].Text);

        Assert.Equal("new", caseJson.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(caseJson.GetProperty("bodyName").GetString()));
        var queue = await client.GetFromJsonAsync<JsonElement>("/api/cases?status=new");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == caseJson.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Without_a_model_the_label_analyzer_stays()
    {
        await using var app = await StartAsync(withModel: false, autoAssign: 0.0);
        using var client = await SignedInAsync(app);

        var caseJson = await PostAndReadCaseAsync(client, SmallModel.Held[2].Text);

        Assert.Equal(JsonValueKind.Null, caseJson.GetProperty("labelSource").ValueKind);
        Assert.Equal("new", caseJson.GetProperty("status").GetString());
    }

    private async Task<WebApplication> StartAsync(bool withModel, double autoAssign)
    {
        if (withModel)
        {
            File.Copy(SmallModel.Path, _folder.File("otklik.model"), overwrite: true);
        }

        var app = await OtklikServer.BuildAsync(new OtklikServerOptions
        {
            Database = _folder.File(Guid.NewGuid().ToString("N") + ".db"), Urls = "http://127.0.0.1:0", Time = new FakeTimeProvider(DateTimeOffset.UtcNow),
            PseudonymKey = "understanding-tests-key", DataDirectory = _folder.Path, RunWorkers = false,
        }, services => services.PostConfigure<ProcessingOptions>(o => o.AutoAssignConfidence = autoAssign));
        await app.StartAsync();
        await app.Services.GetRequiredService<UserAccounts>().AddAsync("admin", "admin", null, false, Password, default);
        return app;
    }

    private static async Task<HttpClient> SignedInAsync(WebApplication app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = OtklikServer.Address(app) };
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { name = "admin", password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<JsonElement> PostAndReadCaseAsync(HttpClient client, string text)
    {
        var posted = await client.PostAsJsonAsync("/api/messages", new { channel = "vk", externalId = Guid.NewGuid().ToString("N"), text });
        posted.EnsureSuccessStatusCode();
        var caseId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetInt64();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return detail.GetProperty("case");
    }
}
