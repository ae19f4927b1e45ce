namespace Otklik.Ratings.Input;

/// <summary>A line that could not be read: where it is and what was wrong. Counted and reported, never fatal.</summary>
public sealed record InputProblem(string File, long Line, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}
