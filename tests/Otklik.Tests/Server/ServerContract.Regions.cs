using System.Net.Http.Json;
using Otklik.Access;
using Otklik.Analytics;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_labelled_message_takes_its_bodys_region_code_so_the_region_filter_finds_its_case()
    {
        var server = await StartAsync();
        await server.AddBodyAsync("Комитет ЖКХ");
        var client = await server.ClientAsync(Role.Operator);
        var named = (await client.SendAsync(Api.Message("Протекает крыша в подъезде", body: "Комитет ЖКХ") with { Region = "Курская", City = "Курск" })).CaseId;
        var unnamed = (await client.SendAsync(Api.Message("Не вывозят мусор во дворе", body: "Комитет ЖКХ"))).CaseId;
        var elsewhere = (await client.SendAsync(Api.Message("Яма на дороге у школы", body: "Комитет ЖКХ") with { Region = "Орловская область" })).CaseId;

        var inRegion = (await client.CasesAsync("region=46")).Items;

        Assert.Equal([unnamed!.Value, named!.Value], inRegion.Select(c => c.Id));
        Assert.Equal("Курская", inRegion.Single(c => c.Id == named).Region);
        Assert.Equal("Курская область", inRegion.Single(c => c.Id == unnamed).Region);
        Assert.Null((await client.CaseAsync(elsewhere!.Value))!.Case.RegionCode);
        var dashboard = (await client.GetFromJsonAsync<Dashboard>("/api/analytics/dashboard?region=46", Api.Json))!;
        Assert.Equal(2, dashboard.Totals.Cases);
    }
}
