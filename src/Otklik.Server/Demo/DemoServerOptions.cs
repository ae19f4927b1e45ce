namespace Otklik.Server.Demo;

/// <param name="Database">A fresh database for the demo (the default demo file is recreated at each start).</param>
/// <param name="Speed">Simulated seconds per real second.</param>
public sealed record DemoServerOptions(string Database, string Urls, double Speed, string DataDirectory);
