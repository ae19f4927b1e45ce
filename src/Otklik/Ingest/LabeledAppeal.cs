namespace Otklik.Ingest;

/// <summary>
/// An appeal with the labels a person gave it: the training and evaluation unit of the classifiers and the router.
/// <paramref name="Group"/> is null where the file has no group column.
/// </summary>
public sealed record LabeledAppeal(string Id, string Text, string Topic, string Executor, string? Group, long Line);
