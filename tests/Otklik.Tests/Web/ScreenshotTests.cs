using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Otklik.Tests.Web;

/// <summary>
/// Every main page at a laptop (1366×768) and a phone (390×844) size, with the demo data, saved as screenshots under
/// the test output (bin/…/screenshots) for review; no page may log a console error or overflow the phone's width.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScreenshotTests(WebFixture fixture)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_main_page_renders_without_console_errors(string size)
    {
        await using var browser = await BrowserPage.OpenAsync(fixture, size == "phone" ? BrowserPage.Phone : BrowserPage.Desktop);
        var page = browser.Page;

        await browser.GoAsync("/ratings");
        await Expect(page.Locator("h1")).ToContainTextAsync("Рейтинги");
        await Expect(page.Locator("#banner")).ToBeVisibleAsync();
        await Shot(browser, size, "ratings");
        await browser.GoAsync("/ratings/methodology");
        await Expect(page.Locator("#indicators")).ToBeVisibleAsync();
        await Shot(browser, size, "methodology");
        await browser.GoAsync("/sign-in");
        await Shot(browser, size, "sign-in");

        await browser.SignInAsync(WebFixture.OperatorName);
        await Expect(page.Locator("#inbox-table tbody tr.case-row").First).ToBeVisibleAsync();
        await Shot(browser, size, "inbox");
        await page.Locator("#inbox-table tbody tr.case-row td.num a").Nth(3).ClickAsync();
        await Expect(page.Locator("#timeline")).ToBeVisibleAsync();
        await Shot(browser, size, "case");
        await browser.GoAsync("/dashboard");
        await Expect(page.Locator("#map svg")).ToBeVisibleAsync();
        await Shot(browser, size, "dashboard");
        if (size == "desktop")
        {
            await ExportsAsync(page);
        }

        await browser.SignOutAsync();

        await browser.SignInAsync(WebFixture.ExecutorName);
        await Expect(page.Locator(".desk").First).ToBeVisibleAsync();
        await Shot(browser, size, "executor");
        browser.AssertNoErrors();
    }

    /// <summary>Every dashboard card gives its data as CSV (UTF-8, header row) and its picture as a PNG.</summary>
    private static async Task ExportsAsync(IPage page)
    {
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#overdue-by-body [data-export=csv]"));
        Assert.Equal("overdue-by-body.csv", csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.StartsWith("\"орган\",\"открыто\",\"просрочено\"", text, StringComparison.Ordinal);
        foreach (var card in new[] { "volumes", "map" })
        {
            var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#{card} [data-export=png]"));
            var bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
            Assert.True(bytes.Length > 1000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', $"{card}.png is not a PNG");
        }
    }

    private static async Task Shot(BrowserPage browser, string size, string name)
    {
        await browser.ScreenshotAsync($"{size}-{name}");
        if (size == "phone")
        {
            // Nothing wider than the phone: tables scroll inside their own box, the page itself does not.
            var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{name} is {overflow}px wider than the phone screen");
        }
    }
}
