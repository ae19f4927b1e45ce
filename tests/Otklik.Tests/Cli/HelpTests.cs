using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary>Every verb explains itself: `--help` must never trip over its own descriptions (Spectre markup in them).</summary>
public sealed class HelpTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("demo")]
    [InlineData("import")]
    [InlineData("quarantine", "list")]
    [InlineData("bodies", "import")]
    [InlineData("bodies", "list")]
    [InlineData("serve")]
    [InlineData("users", "add")]
    [InlineData("stats")]
    [InlineData("maintain")]
    [InlineData("ratings", "compute")]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("classify")]
    [InlineData("route")]
    [InlineData("places")]
    public async Task Each_verbs_help_exits_0_and_lists_its_options(params string[] verb)
    {
        var run = await Support.Cli.RunAsync(_temp.Path, [.. verb, "--help"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("OPTIONS:", run.Stdout);
        Assert.DoesNotContain("unexpected", run.Stderr);
    }
}
