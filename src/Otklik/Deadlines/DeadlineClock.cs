namespace Otklik.Deadlines;

/// <summary>Which of a case's two deadlines.</summary>
public enum DeadlineClock
{
    FirstReply,
    FullAnswer,
}
