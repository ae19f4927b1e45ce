using Microsoft.Extensions.Configuration;
using Otklik.Settings;
using Otklik.Storage;

namespace Otklik.Tests.Storage;

public sealed class OtklikStoresTests
{
    [Theory]
    [InlineData("./data/otklik.db", false)]
    [InlineData("/var/lib/otklik/cases.db", false)]
    [InlineData("Data Source=cases.db", false)]
    [InlineData("Host=localhost;Database=otklik", true)]
    [InlineData("Server=db;Port=5433;Database=otklik;Username=u", true)]
    public void A_db_value_is_a_postgres_connection_string_or_else_a_sqlite_file(string db, bool postgres) =>
        Assert.Equal(postgres, OtklikStores.IsPostgres(db));

    [Fact]
    public void The_database_comes_from_the_option_then_configuration_then_the_default_file()
    {
        var empty = OtklikSettings.From(new ConfigurationBuilder().Build());
        var configured = OtklikSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DB"] = "Host=pg;Database=otklik", ["DATA_DIR"] = "/srv/otklik" })
            .Build());

        Assert.Equal(Path.Combine("data", "otklik.db"), empty.DatabaseOrDefault);
        Assert.Equal("Host=pg;Database=otklik", configured.DatabaseOrDefault);
        Assert.Equal("cli.db", configured.WithDatabase("cli.db").DatabaseOrDefault);
        Assert.Equal("/srv/otklik", configured.WithDatabase("cli.db").DataDirectory);
        Assert.Equal("Host=pg;Database=otklik", configured.WithDatabase(null).DatabaseOrDefault);
    }
}
