namespace Otklik.Cases;

public enum CommandOutcome
{
    Done,
    NotFound,
    Forbidden,
    /// <summary>The request itself is wrong: <see cref="CommandResult.Field"/> names what.</summary>
    Invalid,
    /// <summary>The case is in a status where this cannot happen: <see cref="CommandResult.Allowed"/> says what can.</summary>
    Conflict,
}
