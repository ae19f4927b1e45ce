namespace Otklik.Storage.Cases;

/// <summary>A stored message: its id, and its case once processed. <see cref="Message"/> is what arrived.</summary>
public sealed record StoredMessage(long Id, NewMessage Message, long? CaseId, bool TextRemoved);
