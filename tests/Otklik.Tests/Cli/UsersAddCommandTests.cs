using Otklik.Access;
using Otklik.Cli;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary><c>otklik users add</c>: the only way to the first admin; the password never comes from an argument.</summary>
[Collection(nameof(UsersAddCommandTests))]
public sealed class UsersAddCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_first_admin_is_created_with_the_password_from_the_environment_stored_hashed()
    {
        var db = _folder.File("otklik.db");
        Environment.SetEnvironmentVariable("OTKLIK_PASSWORD", "a long enough secret");
        try
        {
            var exit = await OtklikApp.RunAsync(["users", "add", "--name", "root", "--role", "admin", "--db", db]);

            Assert.Equal(0, exit);
            var database = await CaseDatabase.OpenAsync(db);
            await using var session = await database.OpenAsync(write: false);
            var user = await session.FindUserAsync("root");
            Assert.Equal(Role.Admin, user!.Role);
            Assert.DoesNotContain("a long enough secret", user.PasswordHash, StringComparison.Ordinal);
            Assert.True(PasswordHashing.Verify("a long enough secret", user.PasswordHash));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OTKLIK_PASSWORD", null);
        }
    }

    [Fact]
    public async Task A_short_password_is_refused_with_a_non_zero_exit_and_no_user()
    {
        var db = _folder.File("otklik.db");
        Environment.SetEnvironmentVariable("OTKLIK_PASSWORD", "short");
        try
        {
            var exit = await OtklikApp.RunAsync(["users", "add", "--name", "root", "--role", "admin", "--db", db]);

            Assert.NotEqual(0, exit);
            var database = await CaseDatabase.OpenAsync(db);
            await using var session = await database.OpenAsync(write: false);
            Assert.Equal(0, await session.CountUsersAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable("OTKLIK_PASSWORD", null);
        }
    }

    public void Dispose() => _folder.Dispose();
}
