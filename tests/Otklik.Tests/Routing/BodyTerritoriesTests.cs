using Otklik.Routing;
using Otklik.Tests.Places;

namespace Otklik.Tests.Routing;

public class BodyTerritoriesTests
{
    private static readonly BodyTerritories Bodies = new(ShippedGazetteer.Recognizer);

    private static RouteTerritory Of(string body) => Bodies.Of(body, ShippedGazetteer.Kursk);

    [Fact]
    public void A_bodys_territory_is_read_from_its_name()
    {
        Assert.Equal("Льговский район", Of("Администрация Льговского района").District);
        Assert.Equal("Курск", Of("Комитет дорожного хозяйства города Курска").City);
        Assert.Equal("Курчатов", Of("Администрация города Курчатова").City);
        var regional = Of("Комитет транспорта и автомобильных дорог Курской области");
        Assert.Null(regional.City);
        Assert.Null(regional.District);
    }

    [Fact]
    public void Another_towns_body_is_foreign_to_a_place_and_a_regional_one_never_is()
    {
        var lgov = new RouteTerritory("Курская область", null, "Льгов", null);

        Assert.True(Bodies.IsForeign(Of("Комитет дорожного хозяйства города Курска"), lgov));
        Assert.False(Bodies.IsForeign(Of("Администрация города Льгов"), lgov));
        Assert.False(Bodies.IsForeign(Of("Администрация Льговского района"), lgov));
        Assert.False(Bodies.IsForeign(Of("Комитет транспорта и автомобильных дорог Курской области"), lgov));
        Assert.True(Bodies.IsLocal(Of("Администрация города Льгов"), lgov));
        Assert.False(Bodies.IsLocal(Of("Администрация Льговского района"), lgov));
    }
}
