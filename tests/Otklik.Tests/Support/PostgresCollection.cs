namespace Otklik.Tests.Support;

/// <summary>The tests that share one throwaway PostgreSQL cluster (each with its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
