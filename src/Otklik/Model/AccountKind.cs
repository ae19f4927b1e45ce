namespace Otklik.Model;

public enum AccountKind
{
    /// <summary>An official public page of a body (госпаблик).</summary>
    OfficialPage,
    /// <summary>A personal account of an official: a governor's, a mayor's.</summary>
    PersonalAccount,
}
