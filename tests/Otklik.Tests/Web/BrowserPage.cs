using Microsoft.Playwright;

namespace Otklik.Tests.Web;

/// <summary>
/// A page in its own browser context (own cookies) at a given screen size, recording every console error, page error
/// and dialog, so a test can assert that none happened.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly Uri _base;

    private BrowserPage(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Page = page;
        _base = address;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public static async Task<BrowserPage> OpenAsync(WebFixture fixture, ViewportSize? size = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = size ?? Desktop, Locale = "ru-RU", TimezoneId = "Europe/Moscow",
            IsMobile = size == Phone, HasTouch = size == Phone,
        });
        // Generous: the ratings page bootstraps its intervals on the first visit after a change, and CI machines are shared.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        return new BrowserPage(context, await context.NewPageAsync(), fixture.Address);
    }

    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(new Uri(_base, path).ToString());
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task SignInAsync(string name)
    {
        await GoAsync("/sign-in");
        await Page.FillAsync("#signin-name", name);
        await Page.FillAsync("#signin-password", WebFixture.Password);
        await Page.ClickAsync("form.signin button[type=submit]");
        await Page.WaitForSelectorAsync(".who-name");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task SignOutAsync()
    {
        await Page.ClickAsync(".who button.link");
        await Page.WaitForSelectorAsync("#signin-name");
    }

    public async Task ScreenshotAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Fails with every console error seen so far, each with where it came from.</summary>
    public void AssertNoErrors() => Assert.True(Errors.Count == 0, "Browser errors:\n" + string.Join('\n', Errors));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
