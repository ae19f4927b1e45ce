namespace Otklik.Ingest;

/// <summary>Whether an import runs in a bulk-load window (<see cref="Storage.IOtklikStore.BeginBulkLoadAsync"/>).</summary>
public enum BulkMode
{
    /// <summary>Row by row with every index and trigger live: for small imports into a store in use. The library's default.</summary>
    Off,

    /// <summary>Always in a bulk-load window.</summary>
    On,

    /// <summary>
    /// A window when the input is large (at least <see cref="MessageImporter.AutoBulkBytes"/>) and at least as many
    /// messages as the store holds (estimated at 1 KB each), where rebuilding every index costs less than maintaining it
    /// row by row. The command line's default.
    /// </summary>
    Auto,
}
