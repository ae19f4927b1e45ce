namespace Otklik.Tests.Web;

/// <summary>The browser tests share one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
