using System.Globalization;

namespace Blueprint.Core.Diagnostics;

/// <summary>What a check is: stable id, kebab-case name, default severity, message format and one-line summary.</summary>
public sealed record DiagnosticDescriptor(string Id, string Name, Severity DefaultSeverity, string Title, string MessageFormat)
{
    /// <summary>The rule's documentation page, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";

    /// <summary>Lint checks (warnings by default) can be turned off or re-levelled; errors (BP001-BP008, BP000) cannot.</summary>
    public bool IsConfigurable => DefaultSeverity != Severity.Error;

    public Diagnostic At(SourceLocation location, params object[] args) => new(this, location, DefaultSeverity, args);
}

/// <summary>A finding: a descriptor at a location with message arguments. <see cref="Severity"/> is the effective one.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, Severity Severity, IReadOnlyList<object> Args)
{
    public string Id => Descriptor.Id;
    public string Name => Descriptor.Name;
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, Args.ToArray());

    /// <summary>The element the finding is about, for its fingerprint (lint baselines, SARIF); null when no one element is.</summary>
    public FindingSubject? Subject { get; init; }

    /// <summary>
    /// What the finding suggests writing instead of the word at <see cref="Location"/> (the did-you-mean key or label of
    /// BP002, the nearest reference of BP005), for an editor's quick fix; null when there is no suggestion.
    /// </summary>
    public string? Suggestion { get; init; }

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };

    public Diagnostic About(FindingSubject subject) => this with { Subject = subject };

    /// <summary><c>path:line:col: severity ID name: message</c> (SPEC section 4).</summary>
    public override string ToString() => $"{Location}: {Severity.ToName()} {Id} {Name}: {Message}";

    /// <summary>Stable report order: file, line, column, id, message.</summary>
    public static readonly IComparer<Diagnostic> Order = Comparer<Diagnostic>.Create((a, b) =>
    {
        int c = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (c == 0) c = a.Location.Line.CompareTo(b.Location.Line);
        if (c == 0) c = a.Location.Column.CompareTo(b.Location.Column);
        if (c == 0) c = string.CompareOrdinal(a.Id, b.Id);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        return c;
    });
}
