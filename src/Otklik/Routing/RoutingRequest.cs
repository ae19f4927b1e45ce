using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// What the router knows about one appeal. Everything but the text is optional: without topics it routes by place and
/// the table's topic-free rules; without executors there is no model evidence. The text classifier (Otklik.Text) fills
/// <see cref="Topics"/> and <see cref="Executors"/>; this assembly does not depend on it.
/// </summary>
/// <param name="Text">The appeal (HTML allowed); read for places.</param>
/// <param name="Topics">Topic probabilities, best first; a known topic is one label with probability 1.</param>
/// <param name="Executors">The text model's executor probabilities.</param>
/// <param name="Hint">Region of the channel the appeal came through; also the territory when the text names none.</param>
public sealed record RoutingRequest(
    string Text,
    IReadOnlyList<ScoredLabel>? Topics = null,
    IReadOnlyList<ScoredLabel>? Executors = null,
    PlaceHint? Hint = null);
