using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Model;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>The registry: bodies and official accounts. Everyone signed in reads it; admins change it.</summary>
public static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies").WithTags("Registry").RequireAuthorization(Policies.Read);
        bodies.MapGet("/", ListBodies);
        bodies.MapGet("/{id:long}", GetBody);
        bodies.MapPost("/", PostBody).RequireAuthorization(Policies.Admin);
        var accounts = app.MapGroup("/api/accounts").WithTags("Registry").RequireAuthorization(Policies.Read);
        accounts.MapGet("/", ListAccounts);
        accounts.MapPost("/", PostAccount).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<List<Body>>> ListBodies(HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        return TypedResults.Ok(await session.ListBodiesAsync(context.RequestAborted));
    }

    public static async Task<Results<Ok<Body>, ProblemHttpResult>> GetBody(long id, HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        return await session.GetBodyAsync(id, context.RequestAborted) is { } body ? TypedResults.Ok(body) : Problems.NotFound($"body {id}");
    }

    public static async Task<Results<Ok<Body>, ValidationProblem>> PostBody(BodyInput input, HttpContext context, CaseDatabase database)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Problems.Field("name", "must not be empty");
        }

        var level = BodyLevel.Other;
        if (input.Level is not null && !Enum.TryParse(input.Level, ignoreCase: true, out level))
        {
            return Problems.Field("level", "use federal, regional, municipal or other");
        }

        await using var session = await database.OpenAsync(write: true, context.RequestAborted);
        if (input.ParentId is { } parent && await session.GetBodyAsync(parent, context.RequestAborted) is null)
        {
            return Problems.Field("parentId", $"no body with id {parent}");
        }

        var id = await session.AddBodyAsync(
            new Body(0, input.Name.Trim(), input.ShortName, level, input.RegionCode, input.ParentId,
                new Territory(input.RegionCode, input.Region, input.District, input.City), input.Contacts),
            context.RequestAborted);
        var body = await session.GetBodyAsync(id, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        return TypedResults.Ok(body!);
    }

    public static async Task<Ok<List<Account>>> ListAccounts(HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        return TypedResults.Ok(await session.ListAccountsAsync(context.RequestAborted));
    }

    public static async Task<Results<Ok<Account>, ValidationProblem>> PostAccount(AccountInput input, HttpContext context, CaseDatabase database)
    {
        if (input.Platform is null || !Enum.TryParse<Platform>(input.Platform, ignoreCase: true, out var platform))
        {
            return Problems.Field("platform", "use vk, telegram, ok, website or other");
        }

        if (string.IsNullOrWhiteSpace(input.Handle))
        {
            return Problems.Field("handle", "must not be empty");
        }

        var kind = AccountKind.OfficialPage;
        if (input.Kind is not null && !Enum.TryParse(input.Kind, ignoreCase: true, out kind))
        {
            return Problems.Field("kind", "use officialPage or personalAccount");
        }

        if ((input.OwnerBodyId is null) == (input.OwnerOfficialId is null))
        {
            return Problems.Field("ownerBodyId", "give exactly one owner: ownerBodyId or ownerOfficialId");
        }

        await using var session = await database.OpenAsync(write: true, context.RequestAborted);
        if (input.OwnerBodyId is { } owner && await session.GetBodyAsync(owner, context.RequestAborted) is null)
        {
            return Problems.Field("ownerBodyId", $"no body with id {owner}");
        }

        var account = new Account(0, platform, input.Handle.Trim(), input.Url, kind, input.OwnerBodyId, input.OwnerOfficialId, input.Followers);
        var id = await session.AddAccountAsync(account, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        return TypedResults.Ok(account with { Id = id });
    }
}
