namespace Blueprint.Core.Diagnostics;

/// <summary>How much a finding matters. <see cref="Off"/> only appears in configuration: such findings are dropped.</summary>
public enum Severity
{
    Off,
    Info,
    Warning,
    Error,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "off",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "off": severity = Severity.Off; return true;
            case "info": severity = Severity.Info; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "error": severity = Severity.Error; return true;
            default: severity = Severity.Off; return false;
        }
    }
}
