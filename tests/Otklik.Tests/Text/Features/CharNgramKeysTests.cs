using Otklik.Text.Features;

namespace Otklik.Tests.Text.Features;

public class CharNgramKeysTests
{
    [Theory]
    [InlineData("а")]
    [InlineData("ул")]
    [InlineData("дерево")]
    [InlineData("электроснабжения")]
    public void Rolling_keys_equal_the_keys_of_each_bounded_n_gram(string word)
    {
        var settings = new FeatureSettings { CharMinN = 2, CharMaxN = 5 };
        var bounded = "<" + word + ">";
        var expected = new List<int>();
        for (var start = 0; start < bounded.Length; start++)
        {
            for (var n = settings.CharMinN; n <= settings.CharMaxN && start + n <= bounded.Length; n++)
            {
                expected.Add(FeatureHash.Of(bounded.AsSpan(start, n), FeatureHash.CharSeed));
            }
        }

        var keys = new int[CharNgramKeys.Count(word.Length, settings)];
        var written = CharNgramKeys.Fill(word, settings, keys);

        Assert.Equal(expected.Count, written);
        Assert.Equal(expected, keys);
        // The old way: prefix and suffix marks hashed around the middle characters.
        Assert.Contains(FeatureHash.OfChars('<', word.AsSpan(0, 1), '\0', FeatureHash.CharSeed), keys);
    }
}
