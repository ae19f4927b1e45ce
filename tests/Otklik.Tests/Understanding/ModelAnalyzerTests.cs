using Otklik.Storage.Cases;
using Otklik.Tests.Text;
using Otklik.Text.Understanding;

namespace Otklik.Tests.Understanding;

public class ModelAnalyzerTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static ModelAnalyzer Analyzer => new(SmallUnderstanding.Value, new UnderstandingOptions());

    private static StoredMessage Message(string text, string? topic = null, string? body = null, string? group = null) =>
        new(1, new NewMessage("vk", "1", text, Received, TopicHint: topic, TopicGroupHint: group, BodyHint: body), null, false);

    [Fact]
    public void An_unlabeled_message_gets_the_models_topic_a_routed_body_both_deadlines_and_the_model_version()
    {
        var appeal = SmallModel.Held[0];

        var analysis = Analyzer.Analyze(Message(appeal.Text));

        Assert.Equal("model:" + SmallModel.Model.ModelVersion, analysis.LabelSource);
        Assert.Equal(SmallModel.Model.Predict(appeal.Text).Topic.Label, analysis.Topic);
        Assert.NotNull(analysis.BodyName);
        Assert.InRange(analysis.Confidence, 0.0, 1.0);
        Assert.Contains(analysis.Reasons, r => r.StartsWith("route #1 " + analysis.BodyName, StringComparison.Ordinal));
        Assert.True(analysis.FirstReplyDue > Received);
        Assert.True(analysis.AnswerDue >= analysis.FirstReplyDue);
    }

    [Fact]
    public void Labels_given_with_the_message_win_over_predictions()
    {
        var analysis = Analyzer.Analyze(Message("Огромные ямы на дороге в Льгове", topic: "Своя тема", body: "Свой орган", group: "Своя группа"));

        Assert.Equal("Своя тема", analysis.Topic);
        Assert.Equal("Своя группа", analysis.TopicGroup);
        Assert.Equal("Свой орган", analysis.BodyName);
        Assert.Equal(1.0, analysis.Confidence);
        Assert.Equal("input", analysis.LabelSource);
    }

    [Fact]
    public void A_given_topic_with_a_predicted_body_is_marked_as_input_and_model()
    {
        var analysis = Analyzer.Analyze(Message("Не горит фонарь на улице в Льгове", topic: SmallModel.Held[0].Topic));

        Assert.Equal(SmallModel.Held[0].Topic, analysis.Topic);
        Assert.StartsWith("input+model:", analysis.LabelSource, StringComparison.Ordinal);
        Assert.Contains(analysis.Reasons, r => r == "label: topic given with the message");
    }

    [Fact]
    public void The_place_in_the_text_is_the_cases_territory()
    {
        var analysis = Analyzer.Analyze(Message("Не вывозят мусор во дворе, г. Льгов, ул. Советская"));

        Assert.Contains("Льгов", analysis.Place.City, StringComparison.Ordinal);
    }
}
