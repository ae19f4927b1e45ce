using Otklik.Deadlines;
using Otklik.Routing;
using Otklik.Text.Classification;

namespace Otklik.Text.Understanding;

/// <summary>
/// What <see cref="Understanding"/> made of one appeal: the model's top-3 per head, the route (top-3 bodies with reasons,
/// and the place), the chosen topic, group and body (given labels win), the body's confidence and both deadlines.
/// </summary>
/// <param name="TopicConfidence">1 for a given topic, else the model's probability.</param>
/// <param name="BodyConfidence">1 for a given body, else <see cref="Understanding.RouterConfidence"/>.</param>
public sealed record AppealReading(
    Prediction Prediction,
    RouteResult Route,
    string Topic,
    double TopicConfidence,
    string? TopicGroup,
    string? Body,
    double BodyConfidence,
    CaseDeadlines Deadlines);
