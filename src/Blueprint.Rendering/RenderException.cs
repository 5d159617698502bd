namespace Blueprint.Rendering;

/// <summary>A drawing failure with a message fit to show a user as is (one line, no stack trace needed).</summary>
public sealed class RenderException : Exception
{
    public RenderException(string message)
        : base(message)
    {
    }

    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
