using Npgsql;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage.Cases;

public sealed class PostgresDialectTests
{
    [Fact]
    public void Statements_are_auto_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(PostgresDialect.WithDefaults("Host=127.0.0.1;Database=otklik"));
        var chosen = new NpgsqlConnectionStringBuilder(PostgresDialect.WithDefaults("Host=127.0.0.1;Database=otklik;max auto prepare=0;No Reset On Close=false"));

        Assert.Equal(PostgresDialect.DefaultMaxAutoPrepare, defaulted.MaxAutoPrepare);
        Assert.Equal("otklik", defaulted.Database);
        Assert.True(defaulted.NoResetOnClose);
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.False(chosen.NoResetOnClose);
    }
}
