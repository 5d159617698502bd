using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Reading;

/// <summary>What a reader gives back: the model as far as it could be read (null only when nothing could) and every finding.</summary>
public sealed record ReadResult(BlueprintDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The format the file was written in: checks word their fix hints in it (SPEC section 5).</summary>
    public SourceFormat Format { get; init; } = SourceFormat.Yaml;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
