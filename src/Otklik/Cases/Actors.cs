namespace Otklik.Cases;

/// <summary>Who did something, as written in the audit trail. People are <c>user:name</c>.</summary>
public static class Actors
{
    public const string System = "system";
    public const string Sla = "sla";
    public const string Resident = "resident";
    public const string Retention = "retention";

    public static string User(string name) => "user:" + name;
}
