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
}
