namespace Otklik.Sla;

/// <summary>What one SLA monitor pass did.</summary>
public sealed record SlaPass(int Reminders, int Escalations, int CasesWithTextsRemoved);
