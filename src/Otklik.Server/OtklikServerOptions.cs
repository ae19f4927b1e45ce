namespace Otklik.Server;

/// <summary>How the server starts. The database is required; everything else has a default.</summary>
public sealed class OtklikServerOptions
{
    /// <summary>A SQLite file path or a PostgreSQL connection string (<c>Host=…</c>).</summary>
    public required string Database { get; init; }

    /// <summary>Where to listen. Defaults to <c>http://127.0.0.1:5000</c>; port 0 picks a free one (tests).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>The demo world: simulated, accelerated clock and simulated residents and bodies. Defaults to false.</summary>
    public bool Demo { get; init; }

    /// <summary>The app's clock. Defaults to the system clock; tests pass a fake one, the demo an accelerated one.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The key for author pseudonyms; null reads or creates the key file in <see cref="DataDirectory"/>.</summary>
    public string? PseudonymKey { get; init; }

    /// <summary>Where the pseudonym key file lives. Defaults to <c>data</c>.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>
    /// The text model. When the file exists, messages are understood by the model, places and the router
    /// (<see cref="Otklik.Text.Understanding.ModelAnalyzer"/>); otherwise by their labels only. Defaults to null:
    /// <c>otklik.model</c> in <see cref="DataDirectory"/> (<c>./data/otklik.model</c>).
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary>The model file this server looks for.</summary>
    public string ModelFile => ModelPath ?? Path.Combine(DataDirectory, "otklik.model");

    /// <summary>Run the background workers (processing, SLA). Defaults to true; tests that drive them by hand turn them off.</summary>
    public bool RunWorkers { get; init; } = true;
}
