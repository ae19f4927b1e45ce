using Otklik.Cli;

return await OtklikApp.RunAsync(args);
