using System.Net;
using System.Text;
using Blueprint.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Blueprint.Cli.Serve;

/// <summary>
/// The web server of <c>serve</c>: Kestrel in this process, one request handler and no framework on top (so the native
/// executable carries no reflection-based routing). It answers GET and HEAD for the pages of <see cref="ServedFiles"/>,
/// the index of a folder and each page's event stream, and 404 for anything else.
/// </summary>
public sealed class PreviewServer(ServedFiles files, LivePreview preview)
{
    /// <summary>An event stream sends a comment this often, so a page that went away is noticed and its stream closed.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Starts listening; the address the system chose when <paramref name="port"/> is 0. Throws IOException when the port is taken.</summary>
    public async Task<(WebApplication App, int Port)> StartAsync(IPAddress address, int port, CancellationToken stopping)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = files.Root });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Listen(address, port);
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(context, stopping));
        await app.StartAsync(stopping);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(bound).Port);
    }

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await NotFoundAsync(response);
                return;
            }
            string path = request.Path.HasValue ? request.Path.Value! : "/";
            if (path.StartsWith(ServedFiles.EventsPrefix + "/", StringComparison.Ordinal) && files.Resolve(path[ServedFiles.EventsPrefix.Length..]) is { } watched)
            {
                await StreamAsync(context, watched, stopping);
                return;
            }
            if (path == "/" && files.SingleFile is null)
            {
                await HtmlAsync(response, Encoding.UTF8.GetBytes(FolderIndex.Html(files)));
                return;
            }
            if (files.Resolve(path) is not { } blueprint)
            {
                await NotFoundAsync(response);
                return;
            }
            using var page = new MemoryStream();
            preview.WritePage(blueprint, page);
            await HtmlAsync(response, page.ToArray());
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || context.RequestAborted.IsCancellationRequested)
        {
            // The page went away, or the server is stopping: nothing to answer.
        }
        catch (Exception e) when (e is RenderException or UnauthorizedAccessException)
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                await response.WriteAsync($"blueprint could not draw this page: {e.Message}\n", CancellationToken.None);
            }
        }
    }

    private static async Task HtmlAsync(HttpResponse response, byte[] html)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = html.Length;
        await response.Body.WriteAsync(html);
    }

    private static Task NotFoundAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync("not found\n");
    }

    /// <summary>Server-sent events: the page's current state at once, then every new drawing, until the page or the server goes.</summary>
    private async Task StreamAsync(HttpContext context, string blueprint, CancellationToken stopping)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var (updates, current) = preview.Join(blueprint);
        try
        {
            await response.WriteAsync("retry: 500\n", ends.Token);
            await SendAsync(response, current, ends.Token);
            while (!ends.IsCancellationRequested)
            {
                var waiting = updates.Reader.WaitToReadAsync(ends.Token).AsTask();
                if (await Task.WhenAny(waiting, Task.Delay(KeepAlive, ends.Token)) != waiting)
                {
                    await response.WriteAsync(": still here\n\n", ends.Token);
                    await response.Body.FlushAsync(ends.Token);
                    continue;
                }
                if (!await waiting) break;
                while (updates.Reader.TryRead(out var update)) await SendAsync(response, update, ends.Token);
            }
        }
        finally
        {
            preview.Leave(blueprint, updates);
        }
    }

    private static async Task SendAsync(HttpResponse response, string update, CancellationToken token)
    {
        // One line of JSON: an event's data may hold no line break.
        await response.WriteAsync("event: diagram\ndata: " + update + "\n\n", token);
        await response.Body.FlushAsync(token);
    }
}
