namespace Otklik.Tests;

/// <summary>Tests that redirect Console.Out run one at a time: the console is process-wide.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection;
