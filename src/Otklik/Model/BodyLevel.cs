namespace Otklik.Model;

/// <summary>Where a body sits in the hierarchy of power.</summary>
public enum BodyLevel
{
    /// <summary>A federal executive body (ФОИВ) or its regional office.</summary>
    Federal,
    /// <summary>A regional executive body (РОИВ): ministry, committee, inspection of a region.</summary>
    Regional,
    /// <summary>A municipality: city or district administration.</summary>
    Municipal,
    /// <summary>Anything else that answers appeals: state companies, utilities, inspections.</summary>
    Other,
}
