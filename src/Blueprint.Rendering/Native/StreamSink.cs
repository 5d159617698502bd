using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>
/// Lets Cairo write into a .NET stream through a cairo_write_func_t. The GCHandle stays allocated until
/// <see cref="Dispose"/>, which the owner calls only after the surface is destroyed (destroying a PDF surface can
/// still write). An exception from the stream is kept and rethrown by the owner; Cairo sees a write error.
/// </summary>
internal sealed unsafe class StreamSink : IDisposable
{
    private GCHandle _handle;

    public StreamSink(Stream stream)
    {
        Stream = stream;
        _handle = GCHandle.Alloc(this);
    }

    public Stream Stream { get; }

    public Exception? Error { get; private set; }

    public nint Closure => GCHandle.ToIntPtr(_handle);

    public static delegate* unmanaged<nint, byte*, uint, int> WriteFunction => &Write;

    public void ThrowIfFailed(string what)
    {
        if (Error is { } error)
        {
            throw new RenderException($"Could not write the {what}: {error.Message}", error);
        }
    }

    public void Dispose()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int Write(nint closure, byte* data, uint length)
    {
        if (GCHandle.FromIntPtr(closure).Target is not StreamSink sink || sink.Error is not null)
        {
            return Cairo.StatusWriteError;
        }

        try
        {
            sink.Stream.Write(new ReadOnlySpan<byte>(data, checked((int)length)));
            return Cairo.StatusSuccess;
        }
        catch (Exception e)
        {
            sink.Error = e;
            return Cairo.StatusWriteError;
        }
    }
}
