namespace Otklik.Places.Internal;

/// <summary>A name matched at a token position before the text's context picked one of its candidate entries.</summary>
internal sealed record RawMatch(int First, int Last, List<GazetteerEntry> Candidates, double Confidence, bool Marked);
