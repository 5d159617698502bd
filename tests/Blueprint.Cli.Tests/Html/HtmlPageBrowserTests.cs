using System.Text.Json.Nodes;
using Blueprint.Cli.Tests.Browser;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Html;

/// <summary>
/// <c>render -f html</c> opened from <c>file://</c> in a real headless Chromium, driven by real mouse and key events
/// (SPEC section 8): the trace's classes on exactly the right cards and arrows, details, search, keyboard, lanes, zoom.
/// </summary>
[Collection("browser")]
public sealed class HtmlPageBrowserTests(BrowserFixture fixture) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Renders <paramref name="yaml"/> to an HTML file and opens it in a new tab.</summary>
    private async Task<Chromium.Page> OpenAsync(string yaml, string name = "sample")
    {
        _dir.Write($"{name}.blueprint.yaml", yaml);
        var run = CliRun.Run(_dir.Path, null, "render", $"{name}.blueprint.yaml", "-o", $"{name}.html");
        Assert.True(run.ExitCode == 0, run.Error);
        var page = await fixture.Browser.NewPageAsync();
        await page.GoToAsync(new Uri(Path.Combine(_dir.Path, $"{name}.html")).AbsoluteUri);
        return page;
    }

    /// <summary>Each card's marks (<c>bp-</c> classes but its own), by data-id, as "id: a b".</summary>
    private static async Task<string[]> CardMarksAsync(Chromium.Page page) => Lines(await page.EvaluateAsync("""
        [...document.querySelectorAll('#bp-canvas .bp-card')].map(e => e.dataset.id + ':' +
            [...e.classList].filter(c => c !== 'bp-card').sort().map(c => ' ' + c).join(''))
        """));

    /// <summary>Each arrow's marks, as "from>to: a b".</summary>
    private static async Task<string[]> ArrowMarksAsync(Chromium.Page page) => Lines(await page.EvaluateAsync("""
        [...document.querySelectorAll('#bp-canvas .bp-arrow')].map(e => e.dataset.from + '>' + e.dataset.to + ':' +
            [...e.classList].filter(c => c.startsWith('bp-') && c !== 'bp-arrow' && !c.startsWith('bp-trace-')).sort().map(c => ' ' + c).join(''))
        """));

    private static string[] Lines(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    private static void NoScriptErrors(Chromium.Page page) => Assert.DoesNotContain(page.Console, line => line.StartsWith("exception", StringComparison.Ordinal));

    [Fact]
    public async Task Hovering_a_card_marks_what_leads_to_it_what_follows_it_and_dims_the_rest()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        Assert.Equal(["bill:", "brew:", "drink:", "napkin:", "order:", "serve:", "take:"], await CardMarksAsync(page));

        await page.HoverAsync(".bp-card[data-id='take'] rect");
        Assert.Equal(["bill: bp-downstream", "brew: bp-downstream", "drink: bp-dim", "napkin: bp-dim", "order: bp-upstream", "serve: bp-downstream", "take: bp-focus"],
            await CardMarksAsync(page));
        await page.KeepScreenshotAsync("html-hover-take");
        Assert.Equal(["brew>serve: bp-trace", "drink>napkin: bp-dim", "order>take: bp-trace", "take>bill: bp-trace", "take>brew: bp-trace"], await ArrowMarksAsync(page));

        // Further down the chain the branch is no longer on it: bill neither leads to brew nor follows from it.
        await page.HoverAsync(".bp-card[data-id='brew'] rect");
        Assert.Equal(["bill: bp-dim", "brew: bp-focus", "drink: bp-dim", "napkin: bp-dim", "order: bp-upstream", "serve: bp-downstream", "take: bp-upstream"],
            await CardMarksAsync(page));
        Assert.Equal(["brew>serve: bp-trace", "drink>napkin: bp-dim", "order>take: bp-trace", "take>bill: bp-dim", "take>brew: bp-trace"], await ArrowMarksAsync(page));

        // Leaving the diagram clears every mark.
        await page.MoveMouseAsync(2, 2);
        Assert.All(await CardMarksAsync(page), line => Assert.EndsWith(":", line));
        Assert.All(await ArrowMarksAsync(page), line => Assert.EndsWith(":", line));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task The_trace_follows_loops_and_the_journey_line_and_marks_a_cycle_both_ways()
    {
        await using var page = await OpenAsync(HtmlSamples.Cycle);
        await page.HoverAsync(".bp-card[data-id='b'] rect");
        // c -> a is the loop back, a -> d the journey line: a and c are on the cycle with b, d only follows.
        Assert.Equal(["a: bp-downstream bp-upstream", "b: bp-focus", "c: bp-downstream bp-upstream", "d: bp-downstream"], await CardMarksAsync(page));
        Assert.Equal(["a>b: bp-trace", "a>d: bp-trace", "b>c: bp-trace", "c>a: bp-trace"], await ArrowMarksAsync(page));

        await page.HoverAsync(".bp-card[data-id='d'] rect");
        Assert.Equal(["a: bp-upstream", "b: bp-upstream", "c: bp-upstream", "d: bp-focus"], await CardMarksAsync(page));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task A_diff_drawing_marks_the_changes_and_its_details_show_each_field_before_and_after()
    {
        string pair = Repo.Fixtures("diff", "drawing");
        var run = CliRun.Run(_dir.Path, null, "render", Path.Combine(pair, "new.blueprint.yaml"), "--diff", Path.Combine(pair, "old.blueprint.yaml"), "-o", "diff.html");
        Assert.True(run.ExitCode == 0, run.Error);
        await using var page = await fixture.Browser.NewPageAsync();
        await page.GoToAsync(new Uri(Path.Combine(_dir.Path, "diff.html")).AbsoluteUri);

        // The owner the changed card lost, before and after.
        await page.ClickAsync(".bp-card[data-id='look-up'] rect");
        await page.WaitForAsync("!document.getElementById('bp-details').hidden", "the details panel did not open");
        await page.KeepScreenshotAsync("html-diff-changed");
        string Row(string name) => $"[...document.querySelectorAll('#bp-details dt')].find(dt => dt.textContent === '{name}').nextElementSibling.innerText";
        Assert.Equal("changed in this version", await page.EvaluateAsync<string>(Row("Change")));
        Assert.Equal("owner\tNight clerk\t→\t(none)", await page.EvaluateAsync<string>(Row("Before and after")));
        Assert.Equal("line-through", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#bp-details .bp-change-before')).textDecorationLine"));
        // The arrow into it that the new version removed is drawn as a ghost, but leads nowhere any more.
        Assert.Equal("removed", await page.EvaluateAsync<string>("document.querySelector(\".bp-arrow[data-from='desk-clerk'][data-to='look-up']\").dataset.diff"));
        Assert.DoesNotContain("Comes from", await page.EvaluateAsync<string>("document.getElementById('bp-details').innerText"), StringComparison.Ordinal);
        Assert.Equal("added", await page.EvaluateAsync<string>("document.querySelector(\".bp-card[data-id='taxi.customer']\").dataset.diff"));

        // A removed card is a ghost that still opens, marked as removed; a card that did not change has no such rows.
        // (Escape first: the open panel covers the right of the page, where the ghost is.)
        await page.PressAsync("Escape");
        await page.WaitForAsync("document.getElementById('bp-details').hidden", "Escape did not close the details");
        await page.ClickAsync(".bp-card[data-id='leave.customer'] rect");
        await page.WaitForAsync("document.getElementById('bp-details').innerText.includes('Leaves the hotel')", "the ghost's details did not open");
        Assert.Equal("removed in this version", await page.EvaluateAsync<string>(Row("Change")));
        await page.PressAsync("Escape");
        await page.ClickAsync(".bp-card[data-id='arrive.customer'] rect");
        await page.WaitForAsync("document.getElementById('bp-details').innerText.includes('Walks into the lobby')", "the unchanged card's details did not open");
        Assert.False(await page.EvaluateAsync<bool>("document.getElementById('bp-details').innerText.includes('in this version')"));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task Clicking_a_card_opens_its_details_with_owner_fail_point_and_step()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('bp-details').hidden"));
        await page.ClickAsync(".bp-card[data-id='take'] rect");
        await page.WaitForAsync("!document.getElementById('bp-details').hidden", "the details panel did not open");
        await page.KeepScreenshotAsync("html-details-take");
        string details = await page.EvaluateAsync<string>("document.getElementById('bp-details').innerText");
        foreach (var expected in new[] { "Takes the order", "Barista", "The order is misheard", "Frontstage", "Taking", "Counter", "Orders a minute", "Greet within 10 seconds", "Orders a flat white", "Brews the coffee", "Bills the card" })
            Assert.Contains(expected, details, StringComparison.Ordinal);
        Assert.Equal("Barista", await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('#bp-details dt')].find(dt => dt.textContent === 'Owner').nextElementSibling.textContent"));
        Assert.Contains("The order is misheard", await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('#bp-details dt')].find(dt => dt.textContent === 'Fail point').nextElementSibling.textContent"), StringComparison.Ordinal);

        await page.PressAsync("Escape");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('bp-details').hidden"));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task Search_marks_the_cards_whose_text_contains_the_words_and_dims_the_rest()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        await page.ClickAsync("#bp-search");
        await page.TypeAsync("COFFEE");
        await page.KeepScreenshotAsync("html-search-coffee");
        Assert.Equal(["bill: bp-dim", "brew: bp-match", "drink: bp-dim", "napkin: bp-dim", "order: bp-dim", "serve: bp-dim", "take: bp-dim"], await CardMarksAsync(page));
        await page.TypeAsync("x");
        Assert.All(await CardMarksAsync(page), line => Assert.EndsWith("bp-dim", line));
        await page.PressAsync("Escape");
        Assert.Equal("", await page.EvaluateAsync<string>("document.getElementById('bp-search').value"));
        Assert.All(await CardMarksAsync(page), line => Assert.EndsWith(":", line));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task Tab_reaches_the_cards_in_order_Enter_opens_the_details_and_Escape_clears()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        string focused = "";
        for (int i = 0; i < 20 && focused != "order"; i++)
        {
            await page.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("document.activeElement.closest('.bp-card')?.dataset.id ?? ''");
        }
        Assert.Equal("order", focused);
        Assert.Contains("order: bp-focus", await CardMarksAsync(page));
        Assert.Contains("take: bp-downstream", await CardMarksAsync(page));

        await page.PressAsync("Tab");
        Assert.Equal("take", await page.EvaluateAsync<string>("document.activeElement.dataset.id"));
        Assert.Contains("order: bp-upstream", await CardMarksAsync(page));
        await page.PressAsync("Enter");
        await page.WaitForAsync("!document.getElementById('bp-details').hidden", "Enter did not open the details");
        Assert.Contains("Barista", await page.EvaluateAsync<string>("document.getElementById('bp-details').innerText"), StringComparison.Ordinal);

        await page.PressAsync("Escape");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('bp-details').hidden"));
        Assert.All(await CardMarksAsync(page), line => Assert.EndsWith(":", line));
        NoScriptErrors(page);
    }

    [Fact]
    public async Task A_lane_label_hides_and_shows_its_lane_and_the_buttons_zoom_and_fit()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        await page.ClickAsync(".bp-lane-label[data-id='backstage'] rect");
        Assert.Equal(["bill", "brew"], Lines(await page.EvaluateAsync("[...document.querySelectorAll('.bp-card.bp-hidden')].map(e => e.dataset.id)")));
        Assert.Equal(["brew>serve", "take>bill", "take>brew"], Lines(await page.EvaluateAsync("[...document.querySelectorAll('.bp-arrow.bp-hidden')].map(e => e.dataset.from + '>' + e.dataset.to)")));
        Assert.Equal("hidden", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector(\".bp-card[data-id='bill']\")).visibility"));
        await page.ClickAsync(".bp-lane-label[data-id='backstage'] rect");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('.bp-hidden').length"));

        const string scale = "new DOMMatrix(getComputedStyle(document.getElementById('bp-canvas')).transform).a";
        double fitted = await page.EvaluateAsync<double>(scale);
        await page.ClickAsync("#bp-zoom-in");
        Assert.Equal(fitted * 1.25, await page.EvaluateAsync<double>(scale), 3);
        await page.MoveMouseAsync(600, 400);
        await page.SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseWheel", ["x"] = 600, ["y"] = 400, ["deltaX"] = 0, ["deltaY"] = 300 });
        await page.WaitForAsync($"{scale} < {fitted * 1.25 - 0.01}", "the wheel did not zoom out");
        await page.ClickAsync("#bp-fit");
        Assert.Equal(fitted, await page.EvaluateAsync<double>(scale), 3);
        NoScriptErrors(page);
    }

    [Fact]
    public async Task The_page_asks_for_nothing_but_itself_and_a_screenshot_shows_the_diagram_with_or_without_script()
    {
        await using var page = await OpenAsync(HtmlSamples.Chain);
        await page.HoverAsync(".bp-card[data-id='take'] rect");
        var shot = PngImage.Decode(await page.ScreenshotAsync());
        Assert.True(Colours(shot) > 50, "the screenshot is nearly one colour: the page is blank");
        Assert.All(page.Requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
        Assert.Single(page.Requests);

        // Without its script the page is still the diagram.
        await page.SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true });
        await page.GoToAsync(new Uri(Path.Combine(_dir.Path, "sample.html")).AbsoluteUri);
        Assert.True(Colours(PngImage.Decode(await page.ScreenshotAsync())) > 50, "without script the page is blank");
    }

    /// <summary>How many different colours a sample of the image's pixels has.</summary>
    private static int Colours(PngImage image)
    {
        var seen = new HashSet<Blueprint.Layout.Color>();
        for (int y = 0; y < image.Height; y += 3)
            for (int x = 0; x < image.Width; x += 3) seen.Add(image[x, y]);
        return seen.Count;
    }
}
