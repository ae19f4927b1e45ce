using System.Globalization;

namespace Otklik.Cli;

/// <summary>
/// Keeps <c>otklik import</c> inside the memory its documentation promises (under 300 MB at any file size). What the
/// import holds live is small and bounded (a few batches and the databases' caches), but the GC lets its heap grow
/// by a budget sized for the machine before it collects: a rerun of a million duplicates peaked at 292–309 MB of RSS
/// with 24 GB installed, and at 239 MB, at the same speed, with the heap capped at 128 MB. So the import caps its
/// own heap when it starts; the server (<c>otklik serve</c>) and every other verb keep the runtime's default.
/// </summary>
internal static class ImportMemory
{
    /// <summary>The environment variable that sets the cap in megabytes; 0 turns it off.</summary>
    public const string Variable = "OTKLIK_IMPORT_HEAP_MB";

    /// <summary>
    /// The default cap. Imports of a million messages, first runs and reruns on both databases, ran under it at their
    /// usual speed (bench/README.md); a 10 MB line, which the reader must hold to quarantine it, fits many times over.
    /// </summary>
    public const long DefaultMegabytes = 128;

    private static readonly string[] RuntimeLimits =
        ["DOTNET_GCHeapHardLimit", "DOTNET_GCHeapHardLimitPercent", "COMPlus_GCHeapHardLimit", "COMPlus_GCHeapHardLimitPercent"];

    /// <summary>Caps the GC heap when the command is <c>import</c> and the runtime was given no limit of its own.</summary>
    public static void Bound(string[] args)
    {
        if (args.Length == 0 || !string.Equals(args[0], "import", StringComparison.Ordinal))
        {
            return;
        }

        var setting = Environment.GetEnvironmentVariable(Variable);
        var megabytes = long.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : DefaultMegabytes;
        // A limit the operator gave the runtime itself stays the one in force.
        if (megabytes <= 0 || RuntimeLimits.Any(name => Environment.GetEnvironmentVariable(name) is not null))
        {
            return;
        }

        AppContext.SetData("GCHeapHardLimit", (ulong)(megabytes * 1024 * 1024));
        GC.RefreshMemoryLimit();
        _capped = true;
    }

    /// <summary>
    /// Takes the cap off again before the import classifies its cases with the text model
    /// (<see cref="Commands.ImportClassification"/>): the model and its word cache alone outgrow 128 MB, and an import of
    /// 2,215 unlabeled texts ran out of memory in it. That part's memory is the model's, as in <c>otklik serve</c>,
    /// not the file's.
    /// </summary>
    public static void Lift()
    {
        if (!_capped)
        {
            return;
        }

        AppContext.SetData("GCHeapHardLimit", 0UL);
        GC.RefreshMemoryLimit();
        _capped = false;
    }

    private static bool _capped;
}
