using Otklik.Tests.Support;

namespace Otklik.Tests.Ratings.Sources;

/// <summary>The store-backed case facts on PostgreSQL: a database of its own per test in the collection's cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreCaseFactsTests(PostgresCluster cluster) : StoreCaseFactsContract
{
    protected override Task<string> NewDatabaseAsync() => cluster.CreateDatabaseAsync();
}
