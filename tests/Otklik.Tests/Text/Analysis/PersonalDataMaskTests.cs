using Otklik.Text.Analysis;

namespace Otklik.Tests.Text.Analysis;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("Звоните +7 (915) 123-45-67 вечером")]
    [InlineData("Звоните 89151234567 вечером")]
    [InlineData("Звоните 8-915-123-45-67 вечером")]
    [InlineData("Звоните 51-23-45 вечером")]
    [InlineData("Звоните 8 915 123 45 67 вечером")]
    [InlineData("Звоните +7 915 1234567 вечером")]
    public void Phone_numbers_are_masked(string text)
    {
        var masked = PersonalDataMask.Apply(text);

        Assert.Equal("Звоните zzphone вечером", string.Join(' ', masked.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Emails_are_masked()
    {
        var masked = PersonalDataMask.Apply("пишите на ivan.petrov-1@mail.ru");

        Assert.Equal("пишите на zzemail", string.Join(' ', masked.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_street_address_with_house_and_flat_becomes_one_placeholder_and_the_district_stays()
    {
        var masked = TextNormalizer.Normalize("Льговский район, ул. Старая Слобода, д. 5, кв. 12 нет света");

        Assert.Equal("льговский район, zzaddr нет света", string.Join(' ', masked.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_lone_house_number_is_masked_but_ordinary_words_are_not()
    {
        var masked = TextNormalizer.Normalize("У дома № 7 и в кв. 12 домашние животные гуляют");

        Assert.Equal("у zzaddr и в zzaddr домашние животные гуляют", string.Join(' ', masked.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Numbers_without_a_hyphen_and_under_nine_digits_are_not_phones()
    {
        var masked = PersonalDataMask.Apply("с 12 по 30 число 2024 года нет воды");

        Assert.Equal("с 12 по 30 число 2024 года нет воды", masked);
    }
}
