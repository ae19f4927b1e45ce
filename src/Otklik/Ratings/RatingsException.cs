namespace Otklik.Ratings;

/// <summary>
/// The one exception of the ratings: a methodology or an option that cannot work. Its message says what to fix.
/// Bad input lines are not exceptions: they are <see cref="Input.InputProblem"/> values, counted and reported.
/// </summary>
public sealed class RatingsException : Exception
{
    public RatingsException(string message)
        : base(message)
    {
    }

    public RatingsException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RatingsException()
    {
    }
}
