using Otklik.Privacy;

namespace Otklik.Ingest;

/// <summary>What readers need beyond the file: the default channel, the pseudonymizer and the time of the import.</summary>
/// <param name="Now">Used as received_at where the input has none.</param>
public sealed record RecordContext(string? DefaultChannel, Pseudonymizer Pseudonymizer, DateTimeOffset Now);
