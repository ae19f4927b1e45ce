using Otklik.Access;
using Otklik.Storage.Cases;

namespace Otklik.Cases;

/// <summary>Who asks: the signed-in user's name and role, and the cases they may see.</summary>
public sealed record Caller(long UserId, string Name, Role Role, long? BodyId, CaseScope Scope)
{
    public string Actor => Actors.User(Name);

    public bool CanChangeCases => Role is Role.Admin or Role.Operator or Role.Executor;

    /// <summary>Executors work their cases (start, answer, hand back); triage and closing belong to operators.</summary>
    public bool May(CaseAction action) => Role switch
    {
        Role.Admin or Role.Operator => true,
        Role.Executor => action is CaseAction.Start or CaseAction.Answer or CaseAction.Reassign,
        _ => false,
    };
}
