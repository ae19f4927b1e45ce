namespace Otklik.Storage.Cases;

/// <summary>An open case a new message might join: its id and the fingerprint of its first message.</summary>
public sealed record CaseCandidate(long Id, byte[] Fingerprint);
