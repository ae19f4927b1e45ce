using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Otklik.Model;
using Otklik.Server.Apis;

namespace Otklik.Tests.Server.Support;

/// <summary>Intent-revealing calls of the HTTP API, as a client would make them.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static int _ids;

    /// <summary>A message with a fresh external id; labels route it to <paramref name="body"/> under <paramref name="topic"/>.</summary>
    public static MessageInput Message(string text, string? topic = "Неработающее наружное освещение", string? body = null, string channel = "vk") =>
        new(channel, "m" + Interlocked.Increment(ref _ids), text, Author: "Иван Петров", Topic: topic, TopicGroup: "3", Body: body);

    public static async Task<MessageResult> SendAsync(this HttpClient client, MessageInput message)
    {
        var response = await client.PostAsJsonAsync("/api/messages", message, Json);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<MessageResult>(Json))!;
    }

    public static async Task<BatchResult> SendBatchAsync(this HttpClient client, params MessageInput[] messages)
    {
        var response = await client.PostAsJsonAsync("/api/messages/batch", new BatchInput(messages), Json);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<BatchResult>(Json))!;
    }

    /// <summary>Sends a message and returns the case it became (or joined).</summary>
    public static async Task<long> OpenCaseAsync(this HttpClient client, string text, string body, string topic = "Неработающее наружное освещение") =>
        (await client.SendAsync(Message(text, topic, body))).CaseId!.Value;

    public static async Task<CaseDetail?> CaseAsync(this HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/cases/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<CaseDetail>(Json);
    }

    public static async Task<CaseList> CasesAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/cases" + (query.Length > 0 ? "?" + query : string.Empty));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CaseList>(Json))!;
    }

    public static async Task<List<CaseEvent>?> EventsAsync(this HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/cases/{id}/events");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<List<CaseEvent>>(Json);
    }

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, long id, string action, string? reason = null, long? bodyId = null) =>
        client.PostAsJsonAsync($"/api/cases/{id}/transitions", new TransitionInput(action, reason, bodyId), Json);

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, long id, string text, string kind = "final") =>
        client.PostAsJsonAsync($"/api/cases/{id}/answers", new AnswerInput(kind, text, null), Json);

    public static async Task<CaseDetail> MustAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CaseDetail>(Json))!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
