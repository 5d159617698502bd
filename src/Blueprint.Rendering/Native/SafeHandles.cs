using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>Base for handles whose zero value means "none"; the subclasses free their native object exactly once.</summary>
internal abstract class NativeHandle() : SafeHandle(nint.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == nint.Zero;
}

internal sealed class CairoSurfaceHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Cairo.SurfaceDestroy(handle);
        return true;
    }
}

internal sealed class CairoHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Cairo.Destroy(handle);
        return true;
    }
}

internal sealed class CairoFontOptionsHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Cairo.FontOptionsDestroy(handle);
        return true;
    }
}

internal sealed class PangoFontDescriptionHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Pango.FontDescriptionFree(handle);
        return true;
    }
}

internal sealed class PangoAttrListHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Pango.AttrListUnref(handle);
        return true;
    }
}

/// <summary>An owned reference to a GObject (PangoContext, PangoLayout).</summary>
internal sealed class GObjectHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        GObject.Unref(handle);
        return true;
    }
}
