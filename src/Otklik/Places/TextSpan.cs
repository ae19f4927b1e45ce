namespace Otklik.Places;

/// <summary>A span of <see cref="PlaceRecognition.Text"/> (the HTML-stripped text): start index and length in chars.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start}..{End})";
}
