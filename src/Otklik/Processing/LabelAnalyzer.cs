using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// Uses the labels a message came with (topic, topic group, body, region, city) and falls back to the default body
/// when there is none. No text understanding: that is the classifier's and the router's job behind the same seam.
/// </summary>
public sealed class LabelAnalyzer(ProcessingOptions options) : IMessageAnalyzer
{
    public MessageAnalysis Analyze(StoredMessage message)
    {
        var m = message.Message;
        var reasons = new List<string>();
        if (m.TopicHint is not null)
        {
            reasons.Add("label: topic given with the message");
        }

        string? body = m.BodyHint;
        var confidence = 1.0;
        if (body is not null)
        {
            reasons.Add("label: body given with the message");
        }
        else
        {
            body = options.DefaultBody;
            confidence = 0.0;
            reasons.Add(body is null ? "fallback: no body known, waiting for an operator" : "fallback: default body");
        }

        var place = new Territory(null, m.RegionHint, null, m.CityHint);
        return new MessageAnalysis(m.TopicGroupHint, m.TopicHint, place, body, confidence, reasons, m.TopicHint is null ? null : "input");
    }
}
