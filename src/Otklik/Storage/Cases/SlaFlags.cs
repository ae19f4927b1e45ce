namespace Otklik.Storage.Cases;

/// <summary>What the SLA monitor has done for a case, so each reminder and escalation happens once.</summary>
[Flags]
public enum SlaFlags
{
    None = 0,
    FirstReplyReminded = 1,
    AnswerReminded = 2,
    Escalated = 4,
}
