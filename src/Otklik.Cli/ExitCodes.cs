namespace Otklik.Cli;

/// <summary>The exit codes of every verb; documented in docs/cli.md. Scripts rely on them: never renumber.</summary>
public static class ExitCodes
{
    /// <summary>Done; for an import: every record was imported or already there.</summary>
    public const int Ok = 0;

    /// <summary>Failed: a missing file, a database that cannot be opened or is newer than this Otklik, an I/O error.</summary>
    public const int Failed = 1;

    /// <summary>Done, but some records were bad and went to quarantine (see <c>otklik quarantine list</c>).</summary>
    public const int Quarantined = 2;

    /// <summary>The command line itself is wrong: an unknown verb or option, a bad value.</summary>
    public const int Usage = 64;
}
