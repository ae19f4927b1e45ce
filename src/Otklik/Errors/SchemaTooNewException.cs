namespace Otklik.Errors;

/// <summary>
/// The database was migrated by a newer Otklik than this one. Writing to it could corrupt data the newer code relies on,
/// so the store refuses to open it rather than guess.
/// </summary>
public sealed class SchemaTooNewException : OtklikException
{
    public SchemaTooNewException(string database, int databaseVersion, int codeVersion)
        : base(
            $"The database {database} has schema version {databaseVersion}, newer than this Otklik understands ({codeVersion}).",
            "Run a newer Otklik against it, or point --db at another database (a new file is created on first use).")
    {
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    public int DatabaseVersion { get; }

    public int CodeVersion { get; }
}
