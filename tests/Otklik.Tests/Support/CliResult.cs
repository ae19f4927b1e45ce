namespace Otklik.Tests.Support;

/// <summary>What a run of the `otklik` binary did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
