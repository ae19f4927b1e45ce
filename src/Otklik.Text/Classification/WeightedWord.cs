namespace Otklik.Text.Classification;

/// <summary>A word of the text and how much it pushed the score of the predicted label (positive: towards it).</summary>
public sealed record WeightedWord(string Word, double Weight);
