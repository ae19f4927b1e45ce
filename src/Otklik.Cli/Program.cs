using Otklik.Cli;

ImportMemory.Bound(args);
return await OtklikApp.RunAsync(args);
