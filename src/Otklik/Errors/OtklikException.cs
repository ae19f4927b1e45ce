namespace Otklik.Errors;

/// <summary>
/// The one family of Otklik failures a user can act on. <see cref="Exception.Message"/> says what is wrong,
/// <see cref="Hint"/> says how to fix it; the command line prints both and no stack trace.
/// </summary>
public class OtklikException : Exception
{
    public OtklikException(string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Hint = hint;
    }

    public OtklikException()
    {
    }

    public OtklikException(string message)
        : base(message)
    {
    }

    public OtklikException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>What to do about it, in one sentence; null when there is nothing better than the message.</summary>
    public string? Hint { get; }
}
