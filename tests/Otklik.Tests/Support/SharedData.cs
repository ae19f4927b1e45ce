namespace Otklik.Tests;

/// <summary>Finds `../shared/data` from the repository root, and says clearly what is missing when it is not there.</summary>
internal static class SharedData
{
    public static string Path(string relative)
    {
        var root = RepoRoot();
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data", relative));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Shared test data is missing: {path}. Tests read ../shared/data beside the repository root ({root}).", path);
        }

        return path;
    }

    /// <summary>The folder that holds Otklik.slnx.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Otklik.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Otklik.slnx not found above " + AppContext.BaseDirectory);
    }
}
