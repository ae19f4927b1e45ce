using Otklik.Privacy;
using Otklik.Settings;
using Otklik.Storage;

namespace Otklik.Cli.Commands;

/// <summary>Opens the store and the pseudonymizer a verb's settings point at.</summary>
internal static class CliStore
{
    public static OtklikSettings Settings(StoreSettings settings) => OtklikSettings.Load().WithDatabase(settings.Db);

    public static Task<IOtklikStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken) =>
        OtklikStores.OpenAsync(Settings(settings).DatabaseOrDefault, null, cancellationToken);

    public static Pseudonymizer Pseudonymizer(StoreSettings settings)
    {
        var resolved = Settings(settings);
        return Privacy.Pseudonymizer.FromSettings(resolved.PseudonymKey, resolved.DataDirectory);
    }
}
