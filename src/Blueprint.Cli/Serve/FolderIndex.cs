using System.Text;
using Blueprint.Core.Reading;
using Blueprint.Rendering.Html;

namespace Blueprint.Cli.Serve;

/// <summary>The page at <c>/</c> when <c>serve</c> shows a folder: a link to each blueprint below it, as it is now.</summary>
public static class FolderIndex
{
    public static string Html(ServedFiles files)
    {
        var blueprints = Directory.EnumerateFiles(files.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => files.Concerns(f) && BlueprintReader.IsBlueprintFile(f))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(files.Root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        string title = HtmlPage.Escape(Path.GetFileName(files.Root) is { Length: > 0 } name ? name : files.Root);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>Blueprints in ").Append(title).Append("</title>\n")
            .Append("<style>body { font: 15px/1.5 system-ui, sans-serif; margin: 2em; color: #1f2328; } a { color: #0969da; } code { color: #59636e; }</style>\n")
            .Append("</head>\n<body>\n<h1>Blueprints in ").Append(title).Append("</h1>\n");
        if (blueprints.Count == 0)
            html.Append("<p>No blueprint files (<code>*.blueprint.yaml</code>, <code>*.blueprint.yml</code>, <code>*.blueprint.md</code>) here yet. Add one and reload.</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var (full, relative) in blueprints)
                html.Append("<li><a href=\"").Append(HtmlPage.Escape(files.PagePath(full))).Append("\">").Append(HtmlPage.Escape(relative)).Append("</a></li>\n");
            html.Append("</ul>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }
}
