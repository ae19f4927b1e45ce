using Otklik.Places;
using Otklik.Places.Internal;

namespace Otklik.Tests.Places;

public class GazetteerTests
{
    [Fact]
    public void The_shipped_gazetteer_knows_kursk_with_codes_population_and_time_zone()
    {
        var kursk = Assert.Single(ShippedGazetteer.Gazetteer.Find(PlaceKind.City, "Курск"));
        Assert.Equal("Курская", kursk.Region);
        Assert.Equal("38701000001", kursk.Oktmo);
        Assert.True(kursk.Population > 400_000);
        Assert.Equal(TimeSpan.FromHours(3), ShippedGazetteer.Gazetteer.UtcOffsetOf(kursk));
        Assert.NotNull(kursk.Location);
    }

    [Fact]
    public void Regions_take_their_cities_time_zone()
    {
        Assert.Equal(TimeSpan.FromHours(7), ShippedGazetteer.Gazetteer.FindRegion("Красноярский")!.UtcOffset);
        Assert.Equal(TimeSpan.FromHours(3), ShippedGazetteer.Gazetteer.FindRegion("Курская область")!.UtcOffset);
    }

    [Fact]
    public void Districts_and_settlements_come_from_the_oktmo_extract()
    {
        var district = Assert.Single(ShippedGazetteer.Gazetteer.Find(PlaceKind.District, "Льговский район"));
        Assert.Equal("38622000", district.Oktmo);
        var ivanino = Assert.Single(ShippedGazetteer.Gazetteer.Find(PlaceKind.Settlement, "Иванино"));
        Assert.Equal("Курчатовский", ivanino.District);
        Assert.Equal(TimeSpan.FromHours(3), ShippedGazetteer.Gazetteer.UtcOffsetOf(ivanino));
    }

    [Fact]
    public void A_bad_row_in_the_extra_file_names_the_file_line_and_field()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.Copy(Path.Combine(SharedData.RepoRoot(), "data", "geo", "city.csv"), Path.Combine(dir.FullName, "city.csv"));
            File.WriteAllLines(Path.Combine(dir.FullName, "places-extra.csv"), ["kind,name,region", "settlement,Калиновка,Курская", "hamlet,Юдовка,Курская"]);
            var e = Assert.Throws<DataFileException>(() => GazetteerFiles.LoadDirectory(dir.FullName));
            Assert.Equal(3, e.Line);
            Assert.Equal("kind", e.Field);
            Assert.Contains("places-extra.csv", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("льгов", "льгове")]
    [InlineData("курская", "курской")]
    [InlineData("льговский", "льговского")]
    [InlineData("щигры", "щиграх")]
    [InlineData("обоянь", "обояни")]
    [InlineData("суджа", "судже")]
    [InlineData("старый бузец", "старого бузца")]
    [InlineData("ростов-на-дону", "ростове-на-дону")]
    [InlineData("горшечное", "горшечном")]
    public void Case_forms_are_generated_from_the_nominative(string name, string form) =>
        Assert.Contains(form, PlaceInflection.Forms(name));

    [Fact]
    public void The_region_adjective_and_the_city_noun_do_not_share_forms()
    {
        var region = PlaceInflection.Forms("курская");
        Assert.DoesNotContain("курске", region);
        Assert.DoesNotContain("курск", region);
    }
}
