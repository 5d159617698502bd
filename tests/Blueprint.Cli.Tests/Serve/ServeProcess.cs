using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Blueprint.Cli.Tests.Serve;

/// <summary>
/// <c>blueprint serve</c> as a user runs it: its own process (the built command, run by <c>dotnet</c>), read from its
/// standard output and error, stopped with SIGINT as Ctrl+C stops it.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();

    public Uri Url { get; }

    private ServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public string Error
    {
        get { lock (_error) return _error.ToString(); }
    }

    public int Port => Url.Port;

    /// <summary>Waits until standard error holds <paramref name="text"/> (it is read as the process writes it).</summary>
    public async Task WaitForErrorAsync(string text)
    {
        for (int i = 0; i < 250 && !Error.Contains(text, StringComparison.Ordinal); i++) await Task.Delay(20);
        Assert.Contains(text, Error, StringComparison.Ordinal);
    }

    public static async Task<ServeProcess> StartAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "blueprint.dll"));
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Never a browser of the desktop's from a test.
        start.Environment.Remove("DISPLAY");
        start.Environment.Remove("WAYLAND_DISPLAY");
        var process = Process.Start(start)!;
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (error) error.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        var first = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(30))) != first || await first is not { } line)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"serve printed no address; its errors:\n{error}");
        }
        Assert.Matches(@"^serving http://\S+/$", line);
        var served = new ServeProcess(process, new Uri(line["serving ".Length..]));
        lock (error) served._error.Append(error);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (served._error) served._error.AppendLine(e.Data);
        };
        return served;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does, and returns the exit code.</summary>
    public int Interrupt()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(10)), "serve did not stop within 10 s of Ctrl+C");
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends <paramref name="request"/> as it is (no client normalises it) and returns the status code of the answer.</summary>
    public async Task<int> RawStatusAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var reader = new StreamReader(stream, Encoding.ASCII);
        string? status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(status);
        return int.Parse(status!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
