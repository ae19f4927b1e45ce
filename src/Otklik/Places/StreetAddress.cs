namespace Otklik.Places;

/// <summary>A street ("ул." + "Союзная") and, when written, the house ("71Б"). Spans index <see cref="PlaceRecognition.Text"/>.</summary>
public sealed record StreetAddress(string Type, string Name, string? House, TextSpan Span, TextSpan? HouseSpan, double Confidence)
{
    public override string ToString() => House is null ? $"{Type} {Name}" : $"{Type} {Name}, д. {House}";
}
