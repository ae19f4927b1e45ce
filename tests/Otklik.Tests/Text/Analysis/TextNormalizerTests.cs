using Otklik.Text.Analysis;

namespace Otklik.Tests.Text.Analysis;

public class TextNormalizerTests
{
    [Fact]
    public void Html_tags_entities_and_inline_styles_disappear()
    {
        var text = "<p style=\"margin:0\">Яма&nbsp;на&nbsp;дороге</p><p>&laquo;Срочно&raquo;</p>";

        Assert.Equal("яма на дороге «срочно»", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Case_is_folded_invariantly_and_yo_becomes_ye()
    {
        Assert.Equal("еще елка и ежик", TextNormalizer.Normalize("ЕЩЁ Ёлка и ёжик"));
    }

    [Fact]
    public void The_fast_lower_case_agrees_with_the_invariant_culture_on_every_character()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var lower = char.ToLowerInvariant(c);
            Assert.Equal(lower == 'ё' ? 'е' : lower, TextNormalizer.Lower(c));
        }
    }

    [Fact]
    public void Numbers_become_one_word_and_punctuation_splits_words()
    {
        Assert.Equal(["дом", "0", "крыша", "течет"], Tokenizer.Words("дом 15,крыша течет!"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  <p>a</p>  b\u00A0\u00A0c  ")]
    [InlineData("a < b > c <br/><")]
    [InlineData("<p>&nbsp;x&amp;y&lt;p&gt; </p>")]
    [InlineData("tail <unclosed tag")]
    public void The_one_pass_html_strip_agrees_with_the_shared_one(string text)
    {
        Assert.Equal(Otklik.Folding.RussianText.StripHtml(text), HtmlText.Strip(text));
    }

    [Fact]
    public void The_one_pass_html_strip_agrees_with_the_shared_one_on_every_training_appeal()
    {
        var texts = Otklik.Ingest.KurskFormat.LoadLabeled(SharedData.Path("appeals/kursk-train.csv")).Select(a => a.Text).ToList();
        texts.Add("<" + new string('x', 2000) + "> and <" + new string('x', 2001) + ">");

        Assert.All(texts, t => Assert.Equal(Otklik.Folding.RussianText.StripHtml(t), HtmlText.Strip(t)));
    }
}
