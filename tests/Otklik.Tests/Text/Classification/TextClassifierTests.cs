using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Tests.Text.Classification;

public class TextClassifierTests
{
    [Fact]
    public void A_pothole_complaint_is_classified_as_road_surface_damage()
    {
        var prediction = SmallModel.Model.Predict("<p>На нашей улице огромные ямы на дороге, асфальт разбит, машины не могут проехать</p>");

        Assert.Contains("ямы", prediction.Topic.Label, StringComparison.Ordinal);
        Assert.Equal(3, prediction.Topic.Top.Count);
    }

    [Fact]
    public void A_broken_street_light_is_classified_as_lighting()
    {
        var prediction = SmallModel.Model.Predict("Не горит уличный фонарь, вечером на улице темно, освещение не работает уже месяц");

        Assert.Contains("освещение", prediction.Topic.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_are_ranked_and_sum_to_at_most_one()
    {
        var prediction = SmallModel.Model.Predict("Прошу спилить аварийное дерево во дворе");

        foreach (var head in prediction.Heads)
        {
            Assert.True(head.Top[0].Probability >= head.Top[1].Probability && head.Top[1].Probability >= head.Top[2].Probability);
            Assert.InRange(head.Top.Sum(t => t.Probability), 0.0, 1.0 + 1e-9);
        }
    }

    [Fact]
    public void The_model_beats_guessing_the_largest_topic_on_appeals_it_did_not_see()
    {
        var held = SmallModel.Held;
        var largest = held.GroupBy(a => a.Topic).Max(g => g.Count()) / (double)held.Count;

        var accuracy = held.Count(a => SmallModel.Model.Predict(a.Text).Topic.Label == a.Topic) / (double)held.Count;

        Assert.True(accuracy > largest + 0.2, $"accuracy {accuracy:F3}, largest topic share {largest:F3}");
    }

    [Fact]
    public void A_saved_and_loaded_model_predicts_exactly_the_same()
    {
        var loaded = TextClassifier.Load(SmallModel.Path);

        Assert.Equal(SmallModel.Model.ModelVersion, loaded.ModelVersion);
        Assert.Equal(SmallModel.Model.Info.DataSha256, loaded.Info.DataSha256);
        foreach (var appeal in SmallModel.Held.Take(30))
        {
            var before = SmallModel.Model.Predict(appeal.Text);
            var after = loaded.Predict(appeal.Text);
            foreach (var (b, a) in before.Heads.Zip(after.Heads))
            {
                Assert.Equal(b.Top, a.Top);
            }
        }
    }

    [Fact]
    public void Fast_prediction_gives_the_calibrated_probabilities_of_the_plain_dot_product_with_the_features()
    {
        var (vectorizer, heads) = SmallModel.Model.Internals();
        var document = vectorizer.NewScratch();
        var values = new Otklik.Text.Features.VectorScratch(vectorizer.Vocabulary.Count);
        foreach (var appeal in SmallModel.Held.Take(10))
        {
            var row = vectorizer.Row(appeal.Text, document, values);
            var prediction = SmallModel.Model.Predict(appeal.Text);
            var topicSoftmax = Array.Empty<double>();
            foreach (var head in heads)
            {
                var scores = new float[head.LabelCount];
                for (var k = 0; k < scores.Length; k++)
                {
                    scores[k] = head.Bias[k] + row.Columns.Select((c, i) => head.Weight(c, k) * row.Values[i]).Sum();
                }

                var info = SmallModel.Model.Info.Heads.Single(h => h.Name == head.Name);
                info.TopicMix?.Add(topicSoftmax, scores);
                var probabilities = new double[scores.Length];
                Softmax.Apply(scores, head.Temperature, probabilities);
                if (head.Name == TextClassifier.TopicHead)
                {
                    topicSoftmax = (double[])probabilities.Clone();
                }

                info.Confidence?.Calibrate(probabilities);
                foreach (var top in prediction.Heads.Single(h => h.Head == head.Name).Top)
                {
                    Assert.Equal(probabilities[Array.IndexOf(head.Labels, top.Label)], top.Probability, 4);
                }
            }
        }
    }

    [Fact]
    public void A_threshold_above_the_best_probability_sends_the_case_to_an_operator()
    {
        var model = TextClassifier.Load(SmallModel.Path);
        const string text = "Прошу разобраться";

        model.OperatorThreshold = 0.0;
        Assert.False(model.Predict(text).NeedsOperator);
        model.OperatorThreshold = 1.0;
        Assert.True(model.Predict(text).Topic.NeedsOperator);
    }

    [Fact]
    public void Explanations_name_words_of_the_text()
    {
        var prediction = SmallModel.Model.Predict("Огромные ямы на дороге", explain: true);

        Assert.NotEmpty(prediction.Topic.Words);
        Assert.All(prediction.Topic.Words, w => Assert.Contains(w.Word, "огромные ямы на дороге", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bundle_records_heads_labels_data_hash_and_training_metrics()
    {
        var info = SmallModel.Model.Info;

        Assert.Equal(["topic", "group", "executor"], info.Heads.Select(h => h.Name));
        Assert.Equal(10, info.Heads[0].Labels.Count);
        Assert.Matches("^[0-9a-f]{64}$", info.DataSha256);
        Assert.All(info.Heads, h => Assert.NotNull(h.Metrics));
    }

    [Fact]
    public void A_damaged_model_file_is_refused_with_a_format_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = File.ReadAllBytes(SmallModel.Path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Throws<ModelFormatException>(() => TextClassifier.Load(path));
            File.WriteAllText(path, "not a model");
            Assert.Throws<ModelFormatException>(() => TextClassifier.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_of_another_format_version_is_named_as_such_with_the_fix()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = File.ReadAllBytes(SmallModel.Path);
            BitConverter.GetBytes(TextClassifier.FormatVersion + 1).CopyTo(bytes, 8);
            File.WriteAllBytes(path, bytes);

            var problem = TextClassifier.CheckFile(path);

            Assert.NotNull(problem);
            Assert.Contains("otklik train", problem, StringComparison.Ordinal);
            Assert.Null(TextClassifier.CheckFile(SmallModel.Path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Training_without_group_labels_gives_a_model_without_a_group_head()
    {
        var appeals = SmallModel.Held.Take(40).Select(a => a with { Group = null }).ToList();

        var model = TextClassifier.Train(appeals, new TrainingOptions { CalibrationFolds = 0 });

        Assert.False(model.HasGroup);
        Assert.Null(model.Predict("ямы на дороге").Group);
    }
}
