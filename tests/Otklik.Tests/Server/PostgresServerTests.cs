using Otklik.Tests.Support;

namespace Otklik.Tests.Server;

/// <summary>The server suite on PostgreSQL: a database of its own per test in the collection's throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresCluster cluster) : ServerContract
{
    protected override Task<string> NewDatabaseAsync() => cluster.CreateDatabaseAsync();
}
