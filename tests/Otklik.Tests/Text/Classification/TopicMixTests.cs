using Otklik.Text.Classification;

namespace Otklik.Tests.Text.Classification;

public class TopicMixTests
{
    [Fact]
    public void An_executor_that_the_topic_decides_wins_when_its_own_scores_are_undecided()
    {
        // Topic 0 always goes to executor 0 and topic 1 to executor 1; the executor head's own scores slightly favour
        // the wrong body every time, while the topic head is sure.
        var (probabilities, topics, executors, scores) = Examples(wrongMargin: 0.02f);

        var mix = TopicMix.Fit(probabilities, topics, executors, scores, topics: 2);

        Assert.True(mix.Weight > 0);
        Assert.All(Enumerable.Range(0, executors.Length), i => Assert.True(scores[i][executors[i]] > scores[i][1 - executors[i]]));
        var fresh = new float[] { 0.51f, 0.49f };
        mix.Add([0.01, 0.99], fresh);
        Assert.True(fresh[1] > fresh[0]);
    }

    [Fact]
    public void The_mix_stays_off_when_the_executor_scores_alone_are_right()
    {
        var (probabilities, topics, executors, scores) = Examples(wrongMargin: -0.5f);
        var before = scores.Select(s => (float[])s.Clone()).ToList();

        var mix = TopicMix.Fit(probabilities, topics, executors, scores, topics: 2);

        Assert.Equal(0f, mix.Weight);
        Assert.Equal(before, scores);
    }

    [Fact]
    public void Each_appeal_is_left_out_of_the_counts_its_own_term_uses()
    {
        // One appeal of topic 0 with the rare executor 1: with its own pair left out, topic 0 says executor 0, so the
        // mix cannot learn to recall it.
        var probabilities = new List<double[]> { new[] { 1.0, 0.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 0.0 } };
        var scores = new[] { new[] { 0f, 0f }, new[] { 0f, 0f }, new[] { 0f, 0f } };

        TopicMix.Fit(probabilities, [0, 0, 0], [0, 0, 1], scores, topics: 2);

        Assert.True(scores[2][0] >= scores[2][1]);
    }

    private static (List<double[]> Probabilities, int[] Topics, int[] Executors, float[][] Scores) Examples(float wrongMargin)
    {
        var probabilities = new List<double[]>();
        var topics = new List<int>();
        var scores = new List<float[]>();
        for (var i = 0; i < 20; i++)
        {
            var topic = i % 2;
            probabilities.Add(topic == 0 ? [0.98, 0.02] : [0.02, 0.98]);
            topics.Add(topic);
            var own = new float[2];
            own[1 - topic] = wrongMargin;
            scores.Add(own);
        }

        return (probabilities, topics.ToArray(), topics.ToArray(), scores.ToArray());
    }
}
