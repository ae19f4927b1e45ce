using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// The seam where understanding plugs in: classification (topic), place, routing (body) and deadlines for one message.
/// Today's implementation is <see cref="LabelAnalyzer"/>; the text classifier and the router replace it.
/// How to add one: implement <see cref="Analyze"/> (pure and thread-safe: a batch is analyzed on all cores, inside the
/// processing transaction), register it as the <c>IMessageAnalyzer</c> singleton before <c>AddOtklik</c>, and leave
/// deadlines null to use <see cref="SlaPolicy"/>.
/// </summary>
public interface IMessageAnalyzer
{
    MessageAnalysis Analyze(StoredMessage message);
}
