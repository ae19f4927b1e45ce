namespace Otklik.Access;

/// <summary>What a caller may do. Checked by the server on every endpoint; executors are further narrowed to their bodies.</summary>
public enum Role
{
    /// <summary>Everything, including users and the registry.</summary>
    Admin,
    /// <summary>Triage: all cases; assign, reject, reopen, close, answer.</summary>
    Operator,
    /// <summary>Works one body's cases (and its child bodies' if granted): start, answer, reassign.</summary>
    Executor,
    /// <summary>Reads everything, changes nothing.</summary>
    Analyst,
    /// <summary>A system with an API key: pushes messages, reads cases.</summary>
    Integrator,
}
