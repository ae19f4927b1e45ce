using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Otklik.Access;
using Otklik.Server.Auth;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>Users and their API keys; admins only. The first admin comes from <c>otklik users add</c>.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListUsers);
        group.MapPost("/", PostUser);
        group.MapPost("/{id:long}/api-keys", PostApiKey);
        return app;
    }

    public static async Task<Ok<List<UserView>>> ListUsers(HttpContext context, CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false, context.RequestAborted);
        var users = await session.ListUsersAsync(context.RequestAborted);
        return TypedResults.Ok(users.Select(View).ToList());
    }

    public static async Task<Results<Ok<UserView>, ValidationProblem>> PostUser(UserInput input, HttpContext context, UserAccounts accounts)
    {
        var result = await accounts.AddAsync(input.Name, input.Role, input.BodyId, input.IncludeChildBodies, input.Password, context.RequestAborted);
        return result.User is { } user ? TypedResults.Ok(View(user)) : Problems.Field(result.Field!, result.Error!);
    }

    public static async Task<Results<Ok<ApiKeyCreated>, ProblemHttpResult, ValidationProblem>> PostApiKey(
        long id, ApiKeyInput input, HttpContext context, CaseDatabase database, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Problems.Field("name", "name the key (what system uses it)");
        }

        await using var session = await database.OpenAsync(write: true, context.RequestAborted);
        if (await session.GetUserAsync(id, context.RequestAborted) is null)
        {
            return Problems.NotFound($"user {id}");
        }

        var key = ApiKeys.NewKey();
        var keyId = await session.AddApiKeyAsync(id, input.Name.Trim(), ApiKeys.HashOf(key), time.GetUtcNow(), context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        return TypedResults.Ok(new ApiKeyCreated(keyId, key));
    }

    internal static UserView View(UserRecord u) => new(u.Id, u.Name, AuthApi.CamelRole(u.Role), u.BodyId, u.IncludeChildBodies, u.CreatedAt);
}
