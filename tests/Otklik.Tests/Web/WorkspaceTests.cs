using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Otklik.Tests.Web;

/// <summary>The web workspace in a real browser against the running server: the whole path of one case.</summary>
[Collection(WebCollection.Name)]
public sealed class WorkspaceTests(WebFixture fixture)
{
    [Fact]
    public async Task An_operator_finds_corrects_and_assigns_a_case_and_its_executor_answers_it_which_the_dashboard_counts()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture);
        var page = browser.Page;

        await browser.SignInAsync(WebFixture.OperatorName);
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Address, "/inbox").ToString());
        await page.FillAsync("#f-q", DemoSeed.SearchWord);
        await page.PressAsync("#f-q", "Enter");
        var rows = page.Locator("#inbox-table tbody tr.case-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(DemoSeed.SearchWord);
        await rows.First.Locator("td.num a").ClickAsync();

        await Expect(page.Locator("#case-topic")).ToContainTextAsync(DemoSeed.WrongTopic);
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Новое");
        await page.Locator("#fix-topic").SelectOptionAsync(new SelectOptionValue { Label = DemoSeed.RightTopic });
        await page.ClickAsync("#fix-topic-save");
        await Expect(page.Locator("#case-topic")).ToContainTextAsync(DemoSeed.RightTopic);
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Тема исправлена оператором");

        await page.Locator("#fix-body").SelectOptionAsync(new SelectOptionValue { Label = DemoSeed.ExecutorBody });
        await page.ClickAsync("#fix-body-save");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Назначено");
        await Expect(page.Locator("#case-body")).ToContainTextAsync(DemoSeed.ExecutorBody);
        await Expect(page.Locator("#timeline li[data-kind=assigned] .values")).ToContainTextAsync("→ " + DemoSeed.ExecutorBody);
        var casePath = new Uri(page.Url).AbsolutePath;
        browser.AssertNoErrors();
        await browser.SignOutAsync();

        await browser.SignInAsync(WebFixture.ExecutorName);
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Address, "/my").ToString());
        await Expect(page.Locator($".desk a[href='{casePath}']")).ToContainTextAsync(DemoSeed.SearchWord);
        await browser.GoAsync("/dashboard");
        var answeredBefore = await NumberAsync(page, "#stat-answered .stat-value");
        var ratingBefore = await RatingOfAsync(browser, DemoSeed.ExecutorBody);
        await browser.GoAsync("/my");

        await page.Locator($".desk a[href='{casePath}']").ClickAsync();
        await page.Locator("#answer-kind").SelectOptionAsync("final");
        await page.FillAsync("#answer-text", "Фонари на улице Ромашковой отремонтированы.");
        await page.ClickAsync("#answer-send");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Дан ответ");
        await Expect(page.Locator(".responses")).ToContainTextAsync("отремонтированы");

        await browser.GoAsync("/dashboard");
        Assert.Equal(answeredBefore + 1, await NumberAsync(page, "#stat-answered .stat-value"));
        var ratingAfter = await RatingOfAsync(browser, DemoSeed.ExecutorBody);
        Assert.NotEqual(ratingBefore, ratingAfter);
        browser.AssertNoErrors();
    }

    /// <summary>The public ratings row of a body with its opened breakdown, as the page shows it.</summary>
    private static async Task<string> RatingOfAsync(BrowserPage browser, string body)
    {
        await browser.GoAsync("/ratings");
        var row = browser.Page.Locator("tr.rating-row", new() { HasText = body }).First;
        await row.ClickAsync();
        var breakdown = browser.Page.Locator("tr.rating-row[aria-expanded=true] + tr.breakdown-row");
        await Expect(breakdown).ToBeVisibleAsync();
        return await row.InnerTextAsync() + "\n" + await breakdown.InnerTextAsync();
    }

    [Fact]
    public async Task A_message_with_script_and_img_markup_shows_as_plain_text_and_runs_nothing()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture);
        var page = browser.Page;
        await browser.SignInAsync(WebFixture.OperatorName);
        await page.FillAsync("#f-q", DemoSeed.XssWord);
        await page.PressAsync("#f-q", "Enter");
        // The search's rows replace the inbox's asynchronously: a click before they came opened the newest case instead.
        var row = page.Locator("#inbox-table tbody tr.case-row").First;
        await Expect(row).ToContainTextAsync("Проверка разметки");
        await row.Locator("td.num a").ClickAsync();

        var text = page.Locator(".message-text").First;
        await Expect(text).ToHaveTextAsync(DemoSeed.XssText);
        await Expect(text).ToContainTextAsync("<script>alert(1)</script>");
        await Expect(text).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await page.Locator(".messages img, .messages script").CountAsync());
        Assert.Empty(browser.Dialogs);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task An_operator_assigns_several_cases_at_once_from_the_inbox()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture);
        var page = browser.Page;
        await browser.SignInAsync(WebFixture.OperatorName);
        await page.CheckAsync("#f-needs");
        await page.FillAsync("#f-q", DemoSeed.BulkWord);
        await page.PressAsync("#f-q", "Enter");
        var rows = page.Locator("#inbox-table tbody tr.case-row");
        await Expect(rows).ToHaveCountAsync(2);

        await page.CheckAsync("#inbox-table thead input[type=checkbox]");
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("Выбрано: 2");
        await page.Locator("#bulk-body").SelectOptionAsync(new SelectOptionValue { Label = DemoSeed.ExecutorBody });
        await page.ClickAsync("#bulk-assign");

        // Still filtered to cases that need an operator: both are gone; without that filter both show as assigned.
        await Expect(rows).ToHaveCountAsync(0);
        await page.UncheckAsync("#f-needs");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Locator(".status")).ToHaveTextAsync(["Назначено", "Назначено"]);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task The_inbox_moves_with_j_and_k_and_opens_a_case_with_enter()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture);
        var page = browser.Page;
        await browser.SignInAsync(WebFixture.OperatorName);
        var rows = page.Locator("#inbox-table tbody tr.case-row");
        await Expect(rows.Nth(2)).ToBeVisibleAsync();
        var second = await rows.Nth(1).GetAttributeAsync("data-id");

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("focused"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Uri(fixture.Address, $"/cases/{second}").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Обращение №{second}");
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Overdue_cases_stand_out_in_the_inbox_and_the_overdue_filter_keeps_only_them()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture);
        var page = browser.Page;
        await browser.SignInAsync(WebFixture.OperatorName);
        await page.CheckAsync("#f-overdue");
        var rows = page.Locator("#inbox-table tbody tr.case-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();
        Assert.True(all > 0);
        Assert.Equal(all, await page.Locator("#inbox-table tbody tr.case-row.overdue").CountAsync());
        await Expect(rows.First.Locator(".badge.danger")).ToHaveTextAsync("Просрочено");
        browser.AssertNoErrors();
    }

    private static async Task<long> NumberAsync(IPage page, string selector)
    {
        var text = await page.Locator(selector).InnerTextAsync();
        return long.Parse(new string(text.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
    }
}
