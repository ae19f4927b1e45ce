namespace Otklik.Storage.Cases;

public enum CaseSort
{
    /// <summary>Newest first (by id, which grows with arrival).</summary>
    Newest,
    /// <summary>Nearest full-answer deadline first: an executor's working order.</summary>
    Due,
}
