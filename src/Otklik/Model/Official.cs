namespace Otklik.Model;

/// <summary>A person heading a body (governor, mayor, minister): the owner of personal accounts.</summary>
public sealed record Official(long Id, string Name, string Position, long? BodyId);
