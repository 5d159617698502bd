using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Blueprint.Layout;

namespace Blueprint.Rendering.Html;

/// <summary>
/// What an interactive page shows besides the diagram: its title and theme, for <c>serve</c> the address its new
/// diagrams arrive from (server-sent events), and the findings of a file that has errors (shown over the last good diagram).
/// </summary>
public sealed record HtmlPageOptions(string Title, Theme Theme, string? LiveEvents = null, IReadOnlyList<string>? Errors = null)
{
    /// <summary>The page's language, the diagram's (<c>lang:</c>, a BCP 47 tag).</summary>
    public string Language { get; init; } = "en";
}

/// <summary>
/// Writes the interactive HTML page of SPEC section 8: one self-contained file, the diagram's SVG inline (its cards,
/// arrows, steps and lanes carry <c>data-</c> attributes), our own CSS and script inline, the card details as JSON, and
/// a content security policy that forbids every request to another address. Without its script the page is the SVG.
/// </summary>
public static class HtmlPage
{
    private static readonly Lazy<string> s_css = new(() => Resource("html/page.css"));
    private static readonly Lazy<string> s_script = new(() => Resource("html/page.js"));

    private static readonly JavaScriptEncoder s_json = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static void Write(Stream output, string svg, IReadOnlyList<CardDetail> cards, HtmlPageOptions options)
    {
        var html = new StringBuilder(svg.Length + 64 * 1024);
        string title = SvgCanvas.Escape(options.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(SvgCanvas.Escape(options.Language)).Append("\" data-theme=\"").Append(SvgCanvas.Escape(options.Theme.Name)).Append('"');
        if (options.LiveEvents is { } live) html.Append(" data-live=\"").Append(SvgCanvas.Escape(live)).Append('"');
        html.Append(">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // Nothing but this page itself: no fonts, images, scripts or styles from anywhere else ('self' is the serve events).
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'\">\n")
            .Append("<meta name=\"generator\" content=\"blueprint\">\n")
            .Append("<title>").Append(title).Append("</title>\n<style>\n")
            .Append(ThemeVariables(options.Theme)).Append(s_css.Value)
            .Append("</style>\n</head>\n<body>\n")
            .Append("<header id=\"bp-toolbar\">\n<h1>").Append(title).Append("</h1>\n")
            .Append("<span class=\"bp-controls\">")
            .Append("<input id=\"bp-search\" type=\"search\" placeholder=\"Search cards\" aria-label=\"Search cards\" autocomplete=\"off\">")
            .Append("<button type=\"button\" id=\"bp-zoom-out\" title=\"Zoom out (-)\" aria-label=\"Zoom out\">&#x2212;</button>")
            .Append("<button type=\"button\" id=\"bp-zoom-in\" title=\"Zoom in (+)\" aria-label=\"Zoom in\">+</button>")
            .Append("<button type=\"button\" id=\"bp-fit\" title=\"Fit the diagram to the window (0)\">Fit</button>")
            .Append("<span class=\"bp-key bp-key-up\">leads to it</span><span class=\"bp-key bp-key-down\">follows from it</span>")
            .Append("</span>\n</header>\n")
            .Append("<main id=\"bp-viewport\">\n<div id=\"bp-canvas\">\n").Append(InlineSvg(svg)).Append("</div>\n</main>\n")
            .Append("<aside id=\"bp-details\" hidden aria-live=\"polite\"></aside>\n");
        AppendErrors(html, options.Errors);
        html.Append("<script type=\"application/json\" id=\"bp-data\">").Append(CardsJson(cards)).Append("</script>\n")
            .Append("<script>\n").Append(s_script.Value).Append("</script>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
        output.Write(bytes);
        output.Flush();
    }

    /// <summary>Text as HTML text or a double-quoted attribute value (the SVG writer's escaping, which HTML reads the same).</summary>
    public static string Escape(string text) => SvgCanvas.Escape(text);

    /// <summary>The SVG document as an element of an HTML page: without its XML declaration.</summary>
    public static string InlineSvg(string svg)
    {
        if (svg.StartsWith("<?xml", StringComparison.Ordinal) && svg.IndexOf("?>", StringComparison.Ordinal) is var end and > 0)
            svg = svg[(end + 2)..].TrimStart('\n', '\r');
        return svg;
    }

    /// <summary>
    /// The cards as one JSON object from id to details, fields left out when empty. Every character that HTML treats
    /// specially is escaped (<c>&lt;</c> as <c>\u003C</c>), so the text can never end the script element it sits in.
    /// </summary>
    public static string CardsJson(IReadOnlyList<CardDetail> cards)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_json }))
        {
            json.WriteStartObject();
            foreach (var card in cards)
            {
                json.WriteStartObject(card.Id);
                json.WriteString("text", card.Text);
                json.WriteString("laneId", card.LaneId);
                json.WriteString("lane", card.Lane);
                json.WriteString("stepId", card.StepId);
                json.WriteString("step", card.Step);
                json.WriteString("scene", card.Scene);
                Optional("owner", card.Owner);
                Optional("fail", card.Fail);
                Optional("wait", card.Wait);
                Optional("pain", card.Pain);
                Optional("note", card.Note);
                Optional("url", card.Url);
                Optional("duration", card.Duration);
                if (card.Metrics.Count > 0)
                {
                    json.WriteStartArray("metrics");
                    foreach (var metric in card.Metrics) json.WriteStringValue(metric);
                    json.WriteEndArray();
                }
                Optional("policy", card.Policy);
                Optional("mark", card.Mark);
                if (card.Changes.Count > 0)
                {
                    json.WriteStartArray("changes");
                    foreach (var change in card.Changes)
                    {
                        json.WriteStartObject();
                        json.WriteString("field", change.Field ?? change.Kind.ToString().ToLowerInvariant());
                        json.WriteString("before", change.Before);
                        json.WriteString("after", change.After);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();

            void Optional(string name, string? value)
            {
                if (value is not null) json.WriteString(name, value);
            }
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// What <c>serve</c> pushes to an open page (one line of JSON, as an event stream's data needs): a new diagram and
    /// its cards, or, for a file with errors, only the findings, so the page keeps its last good diagram under them.
    /// </summary>
    public static string Update(string? svg, IReadOnlyList<CardDetail>? cards, IReadOnlyList<string> errors)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_json }))
        {
            json.WriteStartObject();
            if (svg is not null) json.WriteString("svg", InlineSvg(svg));
            if (cards is not null)
            {
                json.WritePropertyName("cards");
                json.WriteRawValue(CardsJson(cards), skipInputValidation: true);
            }
            json.WriteStartArray("errors");
            foreach (var line in errors) json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteString("heading", errors.Count > 0 ? ErrorsHeading(errors.Count) : "");
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AppendErrors(StringBuilder html, IReadOnlyList<string>? errors)
    {
        html.Append("<section id=\"bp-errors\" role=\"alert\"").Append(errors is { Count: > 0 } ? "" : " hidden").Append('>');
        if (errors is { Count: > 0 })
        {
            html.Append("<h2>").Append(ErrorsHeading(errors.Count)).Append("</h2><ul>");
            foreach (var line in errors) html.Append("<li><code>").Append(SvgCanvas.Escape(line)).Append("</code></li>");
            html.Append("</ul>");
        }
        html.Append("</section>\n");
    }

    /// <summary>The overlay's heading; the script writes the same words when findings arrive.</summary>
    private static string ErrorsHeading(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} finding{(count == 1 ? "" : "s")}: the diagram shown is the last one without errors");

    /// <summary>The theme's colours as CSS custom properties, which the page's style sheet uses throughout.</summary>
    private static string ThemeVariables(Theme theme)
    {
        var css = new StringBuilder(":root {\n");
        void Var(string name, Color color) => css.Append("  --bp-").Append(name).Append(": ").Append(Css(color)).Append(";\n");
        Var("bg", theme.Background);
        Var("fg", theme.Text);
        Var("muted", theme.MutedText);
        Var("panel", theme.StepFill);
        Var("rule", theme.GridLine);
        Var("accent", theme.SceneFill);
        Var("accent-fg", theme.SceneText);
        Var("focus", theme.TraceFocus);
        Var("up", theme.TraceUpstream);
        Var("down", theme.TraceDownstream);
        Var("match", theme.SearchMatch);
        Var("fail", theme.Fail);
        Var("fail-fg", theme.FailText);
        Var("wait", theme.Wait);
        Var("wait-fg", theme.WaitText);
        Var("pain", theme.Pain);
        Var("pain-fg", theme.PainText);
        css.Append("  --bp-up-dash: ").Append(theme.TraceUpstreamDash.Count == 0 ? "none" : string.Join(' ', theme.TraceUpstreamDash.Select(SvgCanvas.Number))).Append(";\n");
        css.Append("  color-scheme: ").Append(theme.Background.Luminance < 0.4 ? "dark" : "light").Append(";\n}\n");
        return css.ToString();
    }

    private static string Css(Color color) => color.IsOpaque
        ? color.ToRgbHex()
        : string.Create(CultureInfo.InvariantCulture, $"rgba({color.R}, {color.G}, {color.B}, {color.A / 255.0:0.###})");

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
