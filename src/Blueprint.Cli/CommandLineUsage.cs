using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Blueprint.Cli.Commands;
using Blueprint.Core.Diagnostics;
using Blueprint.Rendering;

namespace Blueprint.Cli;

/// <summary>
/// The strictness System.CommandLine leaves to us (SPEC section 5): an unknown command or option is a usage error with the
/// nearest name suggested, and a token that starts with <c>-</c> is never taken as a path unless it follows <c>--</c>.
/// </summary>
public static class CommandLineUsage
{
    /// <summary>One message per unknown command or option, in command-line order; empty when there is none.</summary>
    public static IReadOnlyList<string> UnknownTokens(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        // A number may be negative (--max-warnings -1 is then out of range); a name or path given to an option
        // (-o --bogus) is held to the same rule as one given to a command.
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var option in OptionResults(parse.RootCommandResult))
            if (option.Option.ValueType != typeof(string))
                foreach (var token in option.Tokens) optionValues.Add(token);

        var problems = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type != TokenType.Argument || optionValues.Contains(token)) continue;
            if (token.Value.Length > 1 && token.Value[0] == '-')
                problems.Add($"unknown option '{token.Value}'{DidYouMean(token.Value, OptionNames(command))}");
        }
        if (command is RootCommand && problems.Count == 0
            && parse.UnmatchedTokens.FirstOrDefault(t => t.Length == 0 || t[0] != '-') is { } name)
            problems.Add($"unknown command '{name}'{DidYouMean(name, command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)))}");
        return problems;
    }

    /// <summary><c>; did you mean '--format'?</c>, or nothing when no name is near (a one-letter flag is never guessed at).</summary>
    private static string DidYouMean(string input, IEnumerable<string> candidates) =>
        input.Length > 2 && Suggest.Nearest(input, candidates) is { } near ? $"; did you mean '{near}'?" : "";

    /// <summary>The long names a command accepts (a one-letter alias is no likely meaning of a longer word): its own options and those its parents pass down.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
        foreach (var parent in Ancestors(command))
            names = names.Concat(parent.Options.Where(o => o.Recursive && !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));
        return names.Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        var seen = new HashSet<Command>();
        var pending = new Queue<Command>(command.Parents.OfType<Command>());
        while (pending.TryDequeue(out var parent))
        {
            if (!seen.Add(parent)) continue;
            yield return parent;
            foreach (var next in parent.Parents.OfType<Command>()) pending.Enqueue(next);
        }
    }

    private static IEnumerable<OptionResult> OptionResults(CommandResult result)
    {
        foreach (var child in result.Children)
        {
            if (child is OptionResult option) yield return option;
            else if (child is CommandResult subcommand)
                foreach (var nested in OptionResults(subcommand)) yield return nested;
        }
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or a usage error in the user's words (never a .NET type).</summary>
    public static double Number(ArgumentResult result, string option, double min, double max, double absent = 1)
    {
        if (result.Tokens.Count == 0) return absent;
        string text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max)
            return value;
        result.AddError(NumberMessage(option, min, max, text));
        return absent;
    }

    /// <summary><c>--scale must be a number from 0.1 to 16, got 'abc'</c>.</summary>
    public static string NumberMessage(string option, double min, double max, string given) =>
        string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from {min} to {max}, got '{given}'");

    /// <summary>A whole number, 0 or more, or a usage error in the user's words; null when the option has no value.</summary>
    public static int? Count(ArgumentResult result, string option)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError($"{option} must be a whole number, 0 or more, got '{text}'");
        return null;
    }

    /// <summary>Render's options that contradict each other: <c>-o x.png -f pdf</c>, and <c>--page</c> for a format other than PDF.</summary>
    public static void CheckFormats(CommandResult result, Option<string?> output, Option<string?> format, Option<string?> page)
    {
        // The tokens as given, not GetValue: a value that failed its own check (-f jpg) would throw here; it is reported already.
        string? o = Given(output), f = Given(format), paper = Given(page);
        if (f is not null && RenderRunner.FormatOf("." + f) is null) return;
        bool named = o is not null && o != "-" && Path.HasExtension(o);
        var byExtension = named ? RenderRunner.FormatOf(Path.GetExtension(o!)) : null;
        if (byExtension is { } e && f is not null && RenderRunner.FormatOf("." + f) != e)
        {
            result.AddError($"-o '{o}' writes {Upper(e)} but -f says {f}; drop -f, or name the output .{f}");
            return;
        }
        // An unknown paper or output extension is the runner's to report, in its own words.
        if (paper is null || PageSize.Find(paper) is null || (named && byExtension is null)) return;
        var chosen = byExtension ?? RenderRunner.FormatOf("." + (f ?? "png"));
        if (chosen is null or OutputFormat.Pdf) return;
        result.AddError(byExtension is not null ? $"--page {paper} is for PDF output, but -o '{o}' writes {Upper(chosen.Value)}; drop --page, or name the output .pdf"
            : f is not null ? $"--page {paper} is for PDF output, but -f is {f}; drop --page, or use -f pdf"
            : $"--page {paper} is for PDF output, but the output is {Upper(chosen.Value)}; add -f pdf, or name the output .pdf");

        string? Given(Option<string?> option) => result.GetResult(option)?.Tokens.LastOrDefault()?.Value;
    }

    private static string Upper(OutputFormat format) => format.ToString().ToUpperInvariant();
}
