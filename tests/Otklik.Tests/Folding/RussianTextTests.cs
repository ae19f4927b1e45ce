using Otklik.Folding;

namespace Otklik.Tests.Folding;

public class RussianTextTests
{
    [Fact]
    public void Html_tags_and_entities_are_removed_and_blocks_do_not_glue()
    {
        var text = "<p style=\"color:red\">Нет&nbsp;света</p><p>на ул.&nbsp;Союзной</p>";

        Assert.Equal("Нет света на ул. Союзной", RussianText.StripHtml(text));
    }

    [Fact]
    public void Folding_lowercases_invariantly_and_turns_yo_into_ye()
    {
        Assert.Equal("ещё".Replace('ё', 'е'), RussianText.Fold("ЕЩЁ"));
        Assert.Equal("елка в москве", RussianText.Fold("Ёлка  в МОСКВЕ"));
    }

    [Fact]
    public void Folding_does_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("ivanovo i", RussianText.Fold("IVANOVO I"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
