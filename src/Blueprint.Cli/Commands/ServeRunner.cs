using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Blueprint.Cli.Serve;
using Blueprint.Core.Reading;
using Blueprint.Layout;

namespace Blueprint.Cli.Commands;

/// <summary>
/// <c>blueprint serve</c> (SPEC section 8): draws the blueprints at PATH into live pages, serves them on a local address,
/// redraws a blueprint when it is saved and pushes the new diagram to its open pages, until Ctrl+C (exit 0).
/// </summary>
public static class ServeRunner
{
    public sealed record Request(string? Path, int Port, string Host, bool NoOpen);

    public static int Run(CliConsole console, Request request)
    {
        string given = request.Path ?? ".";
        string full = Path.GetFullPath(given, console.CurrentDirectory);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            console.Fail($"cannot serve '{given}': no such file or folder");
            return ExitCodes.Usage;
        }
        if (File.Exists(full) && !BlueprintReader.IsBlueprintFile(full))
        {
            console.Fail($"cannot serve '{given}': not a blueprint file (*.blueprint.yaml, *.blueprint.yml or *.blueprint.md); give one, or a folder that holds them");
            return ExitCodes.Usage;
        }
        var address = Address(request.Host)!;
        if (!RenderRunner.DrawingLibrariesLoad(console, LayoutOptions.Default.FontFamily)) return ExitCodes.Findings;

        var files = ServedFiles.For(full);
        var preview = new LivePreview(files, console, LayoutOptions.Default);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return Serve(console, request, files, preview, address, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> Serve(CliConsole console, Request request, ServedFiles files, LivePreview preview, IPAddress address, CancellationToken stop)
    {
        var server = new PreviewServer(files, preview);
        Microsoft.AspNetCore.Builder.WebApplication app;
        int port;
        try
        {
            (app, port) = await server.StartAsync(address, request.Port, stop);
        }
        catch (IOException e) when (e.InnerException is SocketException or null)
        {
            console.Fail($"cannot listen on {Url(address, request.Port)}: {(e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase) ? "the port is in use; choose another --port, or leave it out for a free one" : e.Message)}");
            return ExitCodes.Findings;
        }
        catch (SocketException e)
        {
            console.Fail($"cannot listen on {Url(address, request.Port)}: {e.Message}");
            return ExitCodes.Findings;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }

        await using (app)
        using (new BlueprintWatcher(files, preview))
        {
            string url = Url(address, port);
            console.Out.WriteLine($"serving {url}");
            console.Out.Flush();
            if (!IPAddress.IsLoopback(address))
                console.Error.WriteLine($"blueprint: warning: listening on {address} makes these blueprints readable by anyone who can reach this machine on the network; leave out --host to keep them to this machine (127.0.0.1)");
            console.Error.WriteLine("blueprint: watching for changes; press Ctrl+C to stop");
            // A file is drawn when it is first asked for; the one file of `serve FILE` now, so its findings show at once.
            if (files.SingleFile is { } single) preview.Show(single);
            if (!request.NoOpen) OpenBrowser(console, Url(IsAny(address) ? (address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback) : address, port));

            try { await Task.Delay(Timeout.Infinite, stop); }
            catch (OperationCanceledException) { }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await app.StopAsync(grace.Token); }
            catch (OperationCanceledException) { }
        }
        console.Error.WriteLine("blueprint: stopped");
        return ExitCodes.Ok;
    }

    /// <summary>The address <c>--host</c> names: an IP address, or <c>localhost</c> (127.0.0.1); null for anything else.</summary>
    public static IPAddress? Address(string host) =>
        string.Equals(host.Trim(), "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim(), out var address) ? address : null;

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    internal static string Url(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"http://[{address}]:{port}/" : $"http://{address}:{port}/";

    /// <summary>
    /// The program that opens <paramref name="url"/> in the user's browser: <c>open</c> on macOS, <c>start</c> on Windows,
    /// <c>xdg-open</c> elsewhere when there is a display (X11 or Wayland); null when there is none (a server, CI, ssh).
    /// </summary>
    public static (string Program, string[] Arguments)? BrowserCommand(string url, OSPlatform system, Func<string, string?> environment)
    {
        if (system == OSPlatform.Windows) return ("cmd", ["/c", "start", "\"\"", url]);
        if (system == OSPlatform.OSX) return ("open", [url]);
        bool display = !string.IsNullOrEmpty(environment("DISPLAY")) || !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY"));
        return display ? ("xdg-open", [url]) : null;
    }

    private static void OpenBrowser(CliConsole console, string url)
    {
        var system = OperatingSystem.IsWindows() ? OSPlatform.Windows : OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux;
        if (BrowserCommand(url, system, Environment.GetEnvironmentVariable) is not { } command) return;
        try
        {
            var start = new ProcessStartInfo(command.Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            console.Error.WriteLine($"blueprint: could not open a browser ({command.Program}: {e.Message}); open {url} yourself");
        }
    }
}
