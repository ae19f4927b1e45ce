using Otklik.Text.Evaluation;

namespace Otklik.Text.Classification;

/// <summary>What the bundle records about one head: its labels, its temperature and its out-of-fold training metrics.</summary>
public sealed record HeadInfo(string Name, IReadOnlyList<string> Labels, float Temperature, TargetMetrics? Metrics);
