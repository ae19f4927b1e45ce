using System.Net.Http.Json;
using System.Text.Json;
using Otklik.Cases;
using Otklik.Model;
using static Microsoft.Playwright.Assertions;

namespace Otklik.Tests.Web;

/// <summary>The case page's timeline reads the audit trail as a person would, the old forms of events included.</summary>
[Collection(WebCollection.Name)]
public sealed class TimelineTests(WebFixture fixture)
{
    [Fact]
    public async Task The_timeline_names_the_body_of_an_assigned_event_and_reads_the_old_form_as_new_to_assigned()
    {
        using var client = await fixture.SignedInClientAsync(WebFixture.OperatorName);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/cases?status=assigned&limit=1");
        var routed = list.GetProperty("items")[0];
        var id = routed.GetProperty("id").GetInt64();
        await using (var session = await fixture.Database.OpenAsync(write: true))
        {
            // As the arrival path wrote it before session 18; stored events are never rewritten (EventKinds.Assigned).
            await session.BeginWritingAsync();
            await session.AddEventAsync(id, fixture.Clock.GetUtcNow(), Actors.System, EventKinds.Assigned, "new", "assigned", "routed: (old form)");
            await session.CommitAsync();
        }

        await using var browser = await BrowserPage.OpenAsync(fixture);
        await browser.SignInAsync(WebFixture.OperatorName);
        await browser.GoAsync($"/cases/{id}");

        await Expect(browser.Page.Locator("#timeline li[data-kind=assigned] .values"))
            .ToHaveTextAsync(["— → " + routed.GetProperty("bodyName").GetString(), "Новое → Назначено"]);
        browser.AssertNoErrors();
    }
}
