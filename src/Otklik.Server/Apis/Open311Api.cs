using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>
/// Open311 GeoReport v2 (JSON) so existing civic-tech clients can submit and read requests: topics are services,
/// cases are service requests. Every endpoint needs a caller (an API key for integrators) and keeps the executor scope.
/// </summary>
public static class Open311Api
{
    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").WithTags("Open311").RequireAuthorization(Policies.Read);
        group.MapGet("/services.json", ListServices);
        group.MapGet("/requests.json", ListRequests);
        group.MapGet("/requests/{id:long}.json", GetRequest);
        group.MapPost("/requests.json", PostRequest).RequireAuthorization(Policies.Ingest).DisableAntiforgery();
        return app;
    }

    public static async Task<Ok<List<Open311Service>>> ListServices(HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var topics = await session.ListTopicsAsync(context.RequestAborted);
        return TypedResults.Ok(topics.Select(t => new Open311Service(t.Topic, t.Topic, null, false, "realtime", null, t.TopicGroup)).ToList());
    }

    public static async Task<Results<Ok<List<Open311Request>>, ValidationProblem>> ListRequests(
        HttpContext context, CaseDatabase database, TimeProvider time,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "service_code")] string? serviceCode = null, string? status = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "start_date")] DateTimeOffset? startDate = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "end_date")] DateTimeOffset? endDate = null)
    {
        IReadOnlyList<CaseStatus>? statuses = status switch
        {
            null => null,
            "open" => [CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened, CaseStatus.Answered],
            "closed" => [CaseStatus.Closed, CaseStatus.Rejected],
            _ => [],
        };
        if (statuses is { Count: 0 })
        {
            return Problems.Field("status", "use open or closed");
        }

        var caller = await CallerResolver.ResolveAsync(context, database);
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var page = await session.ListCasesAsync(
            new CaseFilter { Statuses = statuses, Topic = serviceCode, From = startDate, To = endDate, Limit = 200 },
            caller.Scope, time.GetUtcNow(), context.RequestAborted);
        var result = new List<Open311Request>();
        foreach (var record in page.Items)
        {
            result.Add(await ToRequestAsync(session, record, context.RequestAborted));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<List<Open311Request>>, ProblemHttpResult>> GetRequest(long id, HttpContext context, CaseDatabase database, TimeProvider time)
    {
        var caller = await CallerResolver.ResolveAsync(context, database);
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var record = await session.GetCaseAsync(id, caller.Scope, time.GetUtcNow(), context.RequestAborted);
        return record is null
            ? Problems.NotFound($"service request {id}")
            : TypedResults.Ok(new List<Open311Request> { await ToRequestAsync(session, record, context.RequestAborted) });
    }

    public static async Task<Results<Ok<List<Open311Created>>, ValidationProblem>> PostRequest(HttpContext context, MessageIntake intake)
    {
        var fields = await ReadFieldsAsync(context.Request, context.RequestAborted);
        var description = fields.GetValueOrDefault("description");
        if (string.IsNullOrWhiteSpace(description))
        {
            return Problems.Field("description", "must not be empty");
        }

        double? lat = null, lon = null;
        if (fields.GetValueOrDefault("lat") is { Length: > 0 } latText)
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is < -90 or > 90)
            {
                return Problems.Field("lat", "must be a latitude in degrees");
            }

            lat = v;
        }

        if (fields.GetValueOrDefault("long") is { Length: > 0 } lonText)
        {
            if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is < -180 or > 180)
            {
                return Problems.Field("long", "must be a longitude in degrees");
            }

            lon = v;
        }

        // Open311 has no idempotency key; clients that retry may send one as external_id (an Otklik extension).
        var externalId = fields.GetValueOrDefault("external_id") is { Length: > 0 } given ? given : Guid.NewGuid().ToString("N");
        var author = fields.GetValueOrDefault("email") ?? fields.GetValueOrDefault("device_id")
            ?? string.Join(' ', new[] { fields.GetValueOrDefault("first_name"), fields.GetValueOrDefault("last_name") }.Where(s => !string.IsNullOrEmpty(s)));
        var input = new MessageInput("open311", externalId, description, null, string.IsNullOrWhiteSpace(author) ? null : author,
            null, null, null, lat, lon, fields.GetValueOrDefault("address_string"), fields.GetValueOrDefault("service_code"));
        var result = (await intake.AcceptAsync([input], context.RequestAborted)).Results[0];
        return TypedResults.Ok(new List<Open311Created>
        {
            new(result.CaseId?.ToString(CultureInfo.InvariantCulture), result.MessageId.ToString(CultureInfo.InvariantCulture),
                result.Status == "duplicate" ? "already received" : null),
        });
    }

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var pair in await request.ReadFormAsync(cancellationToken))
            {
                fields[pair.Key] = pair.Value.ToString();
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var json = await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }
        }

        return fields;
    }

    private static async Task<Open311Request> ToRequestAsync(CaseSession session, CaseRecord c, CancellationToken cancellationToken)
    {
        var first = (await session.MessagesOfCaseAsync(c.Id, cancellationToken)).FirstOrDefault();
        var open = c.Status is not (CaseStatus.Closed or CaseStatus.Rejected);
        return new Open311Request(
            c.Id.ToString(CultureInfo.InvariantCulture), open ? "open" : "closed", CaseCommands.Name(c.Status), c.Topic, c.Topic,
            c.Title, c.BodyName, c.CreatedAt, c.UpdatedAt, c.AnswerDue, first?.Message.Address, first?.Message.Latitude, first?.Message.Longitude);
    }
}
