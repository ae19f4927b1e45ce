using Otklik.Places;

namespace Otklik.Tests.Places;

public class PlaceRecognizerTests
{
    private static PlaceRecognition Read(string text, PlaceHint? hint = null) => ShippedGazetteer.Recognizer.Recognize(text, hint ?? ShippedGazetteer.Kursk);

    [Theory]
    [InlineData("Не горит фонарь в Льгове", "Льгов")]
    [InlineData("Яма на дороге в городе Льгов", "Льгов")]
    [InlineData("жители Льгова просят", "Льгов")]
    [InlineData("адрес: г.Курск, ул. Ленина", "Курск")]
    [InlineData("администрация г. Курска не отвечает", "Курск")]
    [InlineData("в Курске снова ямы", "Курск")]
    [InlineData("Над Курском висит смог", "Курск")]
    [InlineData("отопление в Железногорске", "Железногорск")]
    [InlineData("в Щиграх не убирают", "Щигры")]
    [InlineData("больница в Обояни", "Обоянь")]
    [InlineData("дорога к Судже разбита", "Суджа")]
    [InlineData("в д. Старый Бузец не чистят снег", "Старый Бузец")]
    [InlineData("в д. Старом Бузце не чистят снег", "Старый Бузец")]
    [InlineData("пос. Иванино, ул. Советская", "Иванино")]
    [InlineData("в поселке Иванино нет света", "Иванино")]
    [InlineData("переехала из Питера", "Санкт-Петербург")]
    [InlineData("учусь в СПб", "Санкт-Петербург")]
    [InlineData("поезд до Москвы", "Москва")]
    public void A_city_or_settlement_is_found_in_any_case_and_abbreviation(string text, string city) =>
        Assert.Equal(city, Read(text).City?.Value);

    [Theory]
    [InlineData("глава Льговского района", "Льговский район")]
    [InlineData("в Льговском районе", "Льговский район")]
    [InlineData("Курчатовский р-н, с. Дичня", "Курчатовский район")]
    [InlineData("с. Дичня Курчатовского р-на", "Курчатовский район")]
    [InlineData("администрация Тимского р-на", "Тимский район")]
    [InlineData("в Курском районе, пос. Юбилейный", "Курский район")]
    public void A_district_is_found_with_its_type_word(string text, string district)
    {
        var result = Read(text);
        Assert.Equal(district, result.District?.Value);
        Assert.Equal(PlaceEvidence.Stated, result.District?.Evidence);
    }

    [Theory]
    [InlineData("Губернатору Курской области", "Курская область")]
    [InlineData("Курская обл., г. Рыльск", "Курская область")]
    [InlineData("в Белгородскую область", "Белгородская область")]
    [InlineData("из Краснодарского края", "Краснодарский край")]
    [InlineData("родом из КЧР", "Карачаево-Черкесская Республика")]
    [InlineData("в Республике Адыгея", "Республика Адыгея")]
    public void A_region_is_found_in_any_case(string text, string region) =>
        Assert.Equal(region, Read(text).Region?.Value);

    [Fact]
    public void A_city_implies_its_region_with_lower_confidence()
    {
        var result = Read("Не горит фонарь в Льгове");
        Assert.Equal("Курская область", result.Region?.Value);
        Assert.Equal(PlaceEvidence.Implied, result.Region?.Evidence);
        Assert.True(result.Region!.Confidence < result.City!.Confidence);
    }

    [Fact]
    public void A_city_in_a_district_implies_the_district()
    {
        var result = Read("больница в г. Обоянь");
        Assert.Equal("Обоянский район", result.District?.Value);
        Assert.Equal(PlaceEvidence.Implied, result.District?.Evidence);
    }

    [Fact]
    public void A_city_okrug_is_found_as_a_city_district()
    {
        var result = Read("администрация Сеймского округа г. Курска");
        Assert.Equal("Сеймский округ", result.CityDistrict?.Value);
        Assert.Equal("Курск", result.City?.Value);
    }

    [Theory]
    [InlineData("по адресу г. Курск, ул. Союзная д. 71Б", "ул.", "Союзная", "71Б")]
    [InlineData("у дома по адресу проспект Дружбы д.19Д", "пр-т", "Дружбы", "19Д")]
    [InlineData("пр-т Дружбы, 5", "пр-т", "Дружбы", "5")]
    [InlineData("г.Курск ул.50 лет Октября 106.", "ул.", "50 лет Октября", "106")]
    [InlineData("на ул. 2-я Новоселовка", "ул.", "2-я Новоселовка", null)]
    [InlineData("город Курск, ул. С. Разина, д.24, кв. 4", "ул.", "С. Разина", "24")]
    [InlineData("Напротив дома 24 по Орловской ул, на входе в лес", "ул.", "Орловской", null)]
    [InlineData("на пер.Ивана Франко", "пер.", "Ивана Франко", null)]
    [InlineData("дом по ул. Ленина, 97 состоит", "ул.", "Ленина", "97")]
    public void A_street_and_house_are_found(string text, string type, string name, string? house)
    {
        var street = Read(text).Street;
        Assert.NotNull(street);
        Assert.Equal(type, street.Type);
        Assert.Equal(name, street.Name);
        Assert.Equal(house, street.House);
    }

    [Fact]
    public void Spans_point_at_the_words_they_came_from()
    {
        const string text = "Яма в г. Льгове на ул. Красной, д. 5. Курской области давно пора";
        var result = Read(text);
        Assert.Equal("Льгове", result.City!.Span!.Value.Of(result.Text));
        Assert.Equal("ул. Красной, д. 5", result.Street!.Span.Of(result.Text));
        Assert.Equal("5", result.Street.HouseSpan!.Value.Of(result.Text));
        Assert.Equal("Курской области", result.Region!.Span!.Value.Of(result.Text));
    }

    [Fact]
    public void Spans_index_the_text_with_html_stripped()
    {
        var result = Read("<p>Адрес:&nbsp;г.&nbsp;Курск,</p><p>ул. Союзная</p>");
        Assert.Equal("Курск", result.City!.Span!.Value.Of(result.Text));
        Assert.DoesNotContain("<p>", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_shared_by_two_regions_is_settled_by_the_hint()
    {
        var withHint = Read("живу в Железногорске", ShippedGazetteer.Kursk);
        Assert.Equal("Курская", withHint.City!.Entry!.Region);
    }

    [Fact]
    public void A_name_shared_by_two_regions_is_settled_by_the_region_the_text_names()
    {
        var result = Read("Железногорск Красноярского края", ShippedGazetteer.Kursk);
        Assert.Equal("Красноярский", result.City!.Entry!.Region);
    }

    [Fact]
    public void A_name_shared_by_two_regions_without_context_is_reported_ambiguous()
    {
        var result = Read("живу в Железногорске", PlaceHint.None);
        Assert.Null(result.City);
        var ambiguous = Assert.Single(result.Ambiguous);
        Assert.Equal("Железногорске", ambiguous.Surface);
        Assert.Contains(ambiguous.Candidates, c => c.Region == "Курская");
        Assert.Contains(ambiguous.Candidates, c => c.Region == "Красноярский");
    }

    [Theory]
    [InlineData("ул. Кирова, 5")]
    [InlineData("улица имени А.П. Чехова")]
    [InlineData("Зимой батареи холодные")]
    [InlineData("зимой батареи холодные")]
    [InlineData("ООО \"УК Курска\" не убирает")]
    [InlineData("аптека Курская фармация")]
    [InlineData("остановка Льговский поворот")]
    [InlineData("и т.д. Ост. Льговский")]
    [InlineData("по адресу Орловская, 6")]
    public void Streets_people_organisations_and_common_words_are_not_places(string text)
    {
        var result = Read(text);
        Assert.Null(result.City);
        Assert.Null(result.Region);
    }

    [Fact]
    public void A_settlement_missing_from_the_gazetteer_is_found_by_its_marker()
    {
        var result = Read("в пруд д. Калиновка сливают отходы");
        Assert.Equal("Калиновка", result.City?.Value);
        Assert.Equal(PlaceEvidence.Unlisted, result.City?.Evidence);
        Assert.Equal("Курская область", result.Region?.Value);
    }

    [Fact]
    public void A_text_without_places_has_an_unknown_territory()
    {
        var result = Read("Отсутствие люка");
        Assert.True(result.ToTerritory().IsUnknown);
        Assert.Empty(result.Mentions);
    }
}
