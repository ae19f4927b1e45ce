namespace Otklik.Cases;

/// <summary>What a person (or the SLA clock) does to a case. Each action is one edge of the workflow.</summary>
public enum CaseAction
{
    /// <summary>An operator gives the case to a body.</summary>
    Assign,
    /// <summary>The body says the case is not theirs; needs a reason and a new body.</summary>
    Reassign,
    /// <summary>The body's executor takes it into work.</summary>
    Start,
    /// <summary>The body answers in full.</summary>
    Answer,
    /// <summary>The resident confirmed the fix, or the confirmation window passed.</summary>
    Close,
    /// <summary>Not an appeal, or spam; needs a reason.</summary>
    Reject,
    /// <summary>The resident says it is not fixed, or a rejection was a mistake.</summary>
    Reopen,
}
