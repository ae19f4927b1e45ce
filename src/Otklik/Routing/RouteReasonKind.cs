namespace Otklik.Routing;

/// <summary>Why a body is among the candidates.</summary>
public enum RouteReasonKind
{
    /// <summary>A routing rule for the topic (or group) and the territory.</summary>
    Rule,
    /// <summary>A topic-free rule for the recognized place: appeals from there go to this body.</summary>
    Place,
    /// <summary>The text model predicted this executor.</summary>
    Model,
    /// <summary>The region's fallback body.</summary>
    Fallback,
}
