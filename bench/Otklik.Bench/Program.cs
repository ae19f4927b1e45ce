using Otklik.Bench;

return args.Length > 0 && args[0] == "sql" ? SqlRun.Run(args)
    : args.Length > 0 && args[0] == "micro" ? Micro.Run(args)
    : args.Length > 0 && args[0] == "parse" ? ParseOnly.Run(args)
    : args.Length > 0 && args[0] == "store" ? await StoreOnly.RunAsync(args)
    : args.Length > 0 && args[0] == "predictions" ? await Predictions.RunAsync(args)
    : args.Length > 0 && args[0] == "labeled" ? await Labeled.RunAsync(args)
    : Generator.Run(args);
