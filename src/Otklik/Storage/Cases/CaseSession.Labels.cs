namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>
    /// An operator's correction of a case's topic: the label becomes the operator's (source "operator", confidence 1).
    /// The caller writes the event with the values before and after, which is what retraining reads.
    /// </summary>
    public Task<int> RelabelCaseAsync(long id, string? topicGroup, string topic, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET topic_group = @tg, topic = @t, label_source = 'operator', confidence = 1.0, updated_at = @at WHERE id = @id",
            cancellationToken, ("id", id), ("tg", topicGroup), ("t", topic), ("at", T(at)));
}
