using System.ComponentModel;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class RoutingImportSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A routing table CSV (kind,topic,group,region,district,city,city_district,body,priority,weight,support), e.g. data/routing/kursk-routing.csv")]
    public string File { get; init; } = string.Empty;
}
