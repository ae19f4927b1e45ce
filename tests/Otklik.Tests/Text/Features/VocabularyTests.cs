using Otklik.Text.Features;

namespace Otklik.Tests.Text.Features;

public class VocabularyTests
{
    [Fact]
    public void Every_key_finds_its_column_and_idf_and_other_keys_find_nothing()
    {
        // Keys that collide in the low bits probe past each other; negative keys are as good as positive ones.
        int[] keys = [-7, 0, 5, 16, 32, 48, int.MaxValue, int.MinValue];
        var idf = keys.Select((_, i) => 1f + i).ToArray();
        var vocabulary = new Vocabulary(keys, idf, new bool[keys.Length]);

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, vocabulary.Find(keys[i], out var found));
            Assert.Equal(idf[i], found);
        }

        Assert.Equal(-1, vocabulary.Find(64, out var none));
        Assert.Equal(0f, none);
        Assert.Equal(-1, vocabulary.ColumnOf(1));
    }
}
