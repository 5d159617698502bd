using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blueprint.Cli.Lsp;

/// <summary>One message read off the wire: its JSON, or why it is not JSON (answered with a parse error).</summary>
public sealed record IncomingMessage(JsonNode? Json, string? ParseError);

/// <summary>
/// JSON-RPC 2.0 over a byte stream with LSP's base protocol framing: <c>Content-Length: N</c> headers, a blank line,
/// then N bytes of UTF-8 JSON. Reads on one thread; writes may come from any thread, one message at a time.
/// </summary>
public sealed class JsonRpcStream(Stream input, Stream output)
{
    /// <summary>A message larger than this is refused (and skipped): a blueprint is at most a few MiB, sent as JSON text.</summary>
    public const int MaxContentLength = 64 * 1024 * 1024;

    private readonly Stream input = new BufferedStream(input);
    private readonly Lock writing = new();

    /// <summary>The next message, or null when the input has ended (the client is gone).</summary>
    public IncomingMessage? Read()
    {
        while (true)
        {
            int? length = null;
            bool badHeader = false;
            while (true)
            {
                if (ReadHeaderLine() is not { } line) return null;
                if (line.Length == 0)
                {
                    if (length is null && !badHeader) continue; // blank lines between messages
                    break;
                }
                int colon = line.IndexOf(':');
                if (colon < 0) { badHeader = true; continue; }
                string name = line[..colon].Trim();
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue; // Content-Type and any other header
                if (int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n)) length = n;
                else badHeader = true;
            }
            if (length is not { } count) return new IncomingMessage(null, "a message without a valid Content-Length header");
            if (count > MaxContentLength)
            {
                if (!Skip(count)) return null;
                return new IncomingMessage(null, $"a message of {count} bytes, more than the {MaxContentLength} the server takes");
            }
            var body = new byte[count];
            if (!ReadExactly(body)) return null;
            try
            {
                return new IncomingMessage(JsonNode.Parse(body), null);
            }
            catch (JsonException e)
            {
                return new IncomingMessage(null, e.Message);
            }
        }
    }

    /// <summary>Writes one message, framed, and flushes it.</summary>
    public void Write(JsonNode message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        lock (writing)
        {
            output.Write(header);
            output.Write(body);
            output.Flush();
        }
    }

    /// <summary>A header line without its line end (ASCII), or null at the end of the input.</summary>
    private string? ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length < 1024) line.Append((char)b);
        }
    }

    private bool ReadExactly(byte[] buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = input.Read(buffer, read, buffer.Length - read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    private bool Skip(int count)
    {
        var chunk = new byte[81920];
        while (count > 0)
        {
            int n = input.Read(chunk, 0, Math.Min(chunk.Length, count));
            if (n == 0) return false;
            count -= n;
        }
        return true;
    }
}
