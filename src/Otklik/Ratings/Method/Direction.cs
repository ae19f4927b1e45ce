namespace Otklik.Ratings.Method;

/// <summary>Which way an indicator is better.</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}
