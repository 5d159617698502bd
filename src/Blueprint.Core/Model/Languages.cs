using System.Text.RegularExpressions;

namespace Blueprint.Core.Model;

/// <summary>
/// The diagram's own words in one language (<c>lang:</c>, SPEC 6.2): lane names, the three lines, the header keys,
/// notes, legend, emotion and "continued", and the Markdown item labels that language may use besides the English ones.
/// Sources for each term: docs/languages.md.
/// </summary>
public sealed record Vocabulary
{
    /// <summary>The primary language subtag: <c>en</c>, <c>nl</c>, <c>de</c>, <c>fr</c>, <c>es</c>.</summary>
    public required string Code { get; init; }
    /// <summary>The language's name in English and in itself (for did-you-mean: <c>lang: dutch</c> suggests <c>nl</c>).</summary>
    public required string[] Names { get; init; }

    /// <summary>Display names of the six standard lanes, by lane id.</summary>
    public required IReadOnlyDictionary<string, string> LaneNames { get; init; }
    /// <summary>Short Markdown labels of the standard lanes, by lane id; the first is the one the Markdown writer writes.</summary>
    public required IReadOnlyDictionary<string, string[]> LaneLabels { get; init; }
    /// <summary>Markdown labels of the step and card keys (<see cref="Keys.Step"/>, <see cref="Keys.Card"/>), by key.</summary>
    public required IReadOnlyDictionary<string, string> KeyLabels { get; init; }

    public required string LineOfInteraction { get; init; }
    public required string LineOfVisibility { get; init; }
    public required string LineOfInternalInteraction { get; init; }

    public required string Goal { get; init; }
    public required string Persona { get; init; }
    public required string Scenario { get; init; }

    /// <summary>The heading of the notes row.</summary>
    public required string Notes { get; init; }
    public required string Metric { get; init; }
    public required string Policy { get; init; }
    public required string Note { get; init; }

    public required string Emotion { get; init; }
    public required string Legend { get; init; }
    public required string FailPoint { get; init; }
    public required string WaitPoint { get; init; }
    public required string PainPoint { get; init; }
    public required string Arrow { get; init; }
    public required string LoopArrow { get; init; }
    public required string Journey { get; init; }
    public required string Added { get; init; }
    public required string Changed { get; init; }
    public required string RemovedGhost { get; init; }
    public required string AddedArrow { get; init; }
    public required string RemovedArrow { get; init; }

    /// <summary>Marks a scene that goes on from the page before (lower case; a caller capitalises it where it starts a label).</summary>
    public required string Continued { get; init; }

    /// <summary>What goes between a label and its text: ": ", in French a no-break space before the colon.</summary>
    public string Colon { get; init; } = ": ";

    /// <summary>"Label: text" in this language's typography.</summary>
    public string Labelled(string label, string text) => label + Colon + text;

    /// <summary>A standard lane's name in this language (long compounds carry soft hyphens, U+00AD, where a label may break them).</summary>
    public string LaneName(string laneId) => LaneNames.TryGetValue(laneId, out var name) ? name : laneId;
}

/// <summary>The languages a blueprint's <c>lang:</c> may name, and the one table of their words.</summary>
public static partial class Languages
{
    public const string Default = "en";

    public static readonly Vocabulary English = new()
    {
        Code = "en",
        Names = ["english"],
        LaneNames = Lanes("Physical evidence", "Customer actions", "Touchpoints", "Frontstage actions", "Backstage actions", "Support processes"),
        // English labels are the lane ids and aliases of Lane (SPEC 2.2); nothing to add.
        LaneLabels = Labels([], [], [], [], [], []),
        KeyLabels = KeyNames("Id", "Duration", "Fail", "Wait", "Pain", "Emotion", "Metrics", "Policy", "Note", "Url", "Owner"),
        LineOfInteraction = "Line of interaction",
        LineOfVisibility = "Line of visibility",
        LineOfInternalInteraction = "Line of internal interaction",
        Goal = "Goal", Persona = "Persona", Scenario = "Scenario",
        Notes = "Notes", Metric = "Metric", Policy = "Policy", Note = "Note",
        Emotion = "Emotion", Legend = "Legend",
        FailPoint = "Fail point", WaitPoint = "Wait point", PainPoint = "Pain point",
        Arrow = "Triggers / depends on", LoopArrow = "Loop (retry, return visit)", Journey = "Customer journey",
        Added = "Added", Changed = "Changed", RemovedGhost = "Removed (ghost)", AddedArrow = "Added arrow", RemovedArrow = "Removed arrow",
        Continued = "continued",
    };

    public static readonly Vocabulary Dutch = new()
    {
        Code = "nl",
        Names = ["dutch", "nederlands", "flemish", "vlaams"],
        // SPEC 6.2, after the Dutch practice (Essense: "zo maak je een service blueprint").
        LaneNames = Lanes("Fysiek bewijs", "Acties van klanten", "Touchpoints", "Frontstage acties", "Backstage acties", "Ondersteunende processen"),
        LaneLabels = Labels(["Bewijs"], ["Klant", "Klantacties"], ["Touchpoint", "Kanaal"], ["Frontstage", "Frontstage actie"],
            ["Backstage", "Backstage actie"], ["Ondersteuning", "Ondersteunend proces"]),
        KeyLabels = KeyNames("Id", "Duur", "Faalpunt", "Wachtpunt", "Pijnpunt", "Emotie", "Metrieken", "Beleid", "Notitie", "Url", "Eigenaar"),
        LineOfInteraction = "Lijn van interactie",
        LineOfVisibility = "Lijn van zichtbaarheid",
        LineOfInternalInteraction = "Lijn van interne interactie",
        Goal = "Doel", Persona = "Persona", Scenario = "Scenario",
        Notes = "Notities", Metric = "Metriek", Policy = "Beleid", Note = "Notitie",
        Emotion = "Emotie", Legend = "Legenda",
        FailPoint = "Faalpunt", WaitPoint = "Wachtpunt", PainPoint = "Pijnpunt",
        Arrow = "Leidt tot / hangt af van", LoopArrow = "Lus (nieuwe poging, terugkeer)", Journey = "Klantreis",
        Added = "Toegevoegd", Changed = "Gewijzigd", RemovedGhost = "Verwijderd (vervaagd)", AddedArrow = "Toegevoegde pijl", RemovedArrow = "Verwijderde pijl",
        Continued = "vervolg",
    };

    public static readonly Vocabulary German = new()
    {
        Code = "de",
        Names = ["german", "deutsch"],
        LaneNames = Lanes("Physische Anhaltspunkte", "Kundenaktivitäten", "Touchpoints", "Frontstage-Aktivitäten", "Backstage-Aktivitäten", "Unterstützungs\u00ADprozesse"),
        LaneLabels = Labels(["Anhaltspunkte", "Physische Evidenz"], ["Kunde", "Kundenaktionen"], ["Touchpoint", "Kontaktpunkt", "Kanal"],
            ["Frontstage", "Frontstage-Aktivität"], ["Backstage", "Backstage-Aktivität"], ["Unterstützung", "Unterstützungsprozess"]),
        KeyLabels = KeyNames("Id", "Dauer", "Fehlerpunkt", "Wartepunkt", "Schmerzpunkt", "Emotion", "Kennzahlen", "Richtlinie", "Notiz", "Url", "Verantwortlich"),
        LineOfInteraction = "Interaktionslinie",
        LineOfVisibility = "Sichtbarkeitslinie",
        LineOfInternalInteraction = "Linie der internen Interaktion",
        Goal = "Ziel", Persona = "Persona", Scenario = "Szenario",
        Notes = "Notizen", Metric = "Kennzahl", Policy = "Richtlinie", Note = "Notiz",
        Emotion = "Emotion", Legend = "Legende",
        FailPoint = "Fehlerpunkt", WaitPoint = "Wartepunkt", PainPoint = "Schmerzpunkt",
        Arrow = "Löst aus / hängt ab von", LoopArrow = "Schleife (Wiederholung, erneuter Besuch)", Journey = "Kundenreise",
        Added = "Hinzugefügt", Changed = "Geändert", RemovedGhost = "Entfernt (verblasst)", AddedArrow = "Hinzugefügter Pfeil", RemovedArrow = "Entfernter Pfeil",
        Continued = "Fortsetzung",
    };

    public static readonly Vocabulary French = new()
    {
        Code = "fr",
        Names = ["french", "français", "francais"],
        LaneNames = Lanes("Éléments tangibles", "Actions du client", "Points de contact", "Actions frontstage", "Actions backstage", "Processus de support"),
        LaneLabels = Labels(["Élément tangible", "Preuves physiques"], ["Client"], ["Point de contact", "Canal"], ["Frontstage", "Action frontstage"],
            ["Backstage", "Action backstage"], ["Support", "Processus de soutien"]),
        KeyLabels = KeyNames("Id", "Durée", "Point de défaillance", "Point d'attente", "Point de friction", "Émotion", "Indicateurs", "Règle", "Note", "Url", "Responsable"),
        LineOfInteraction = "Ligne d'interaction",
        LineOfVisibility = "Ligne de visibilité",
        LineOfInternalInteraction = "Ligne d'interaction interne",
        Goal = "Objectif", Persona = "Persona", Scenario = "Scénario",
        Notes = "Notes", Metric = "Indicateur", Policy = "Règle", Note = "Note",
        Emotion = "Émotion", Legend = "Légende",
        FailPoint = "Point de défaillance", WaitPoint = "Point d'attente", PainPoint = "Point de friction",
        Arrow = "Déclenche / dépend de", LoopArrow = "Boucle (nouvel essai, retour)", Journey = "Parcours client",
        Added = "Ajouté", Changed = "Modifié", RemovedGhost = "Supprimé (estompé)", AddedArrow = "Flèche ajoutée", RemovedArrow = "Flèche supprimée",
        Continued = "suite",
        Colon = "\u00A0: ",
    };

    public static readonly Vocabulary Spanish = new()
    {
        Code = "es",
        Names = ["spanish", "español", "espanol", "castellano"],
        LaneNames = Lanes("Evidencia física", "Acciones del cliente", "Puntos de contacto", "Acciones en escena", "Acciones tras bastidores", "Procesos de soporte"),
        LaneLabels = Labels(["Evidencia"], ["Cliente"], ["Punto de contacto", "Canal"], ["En escena", "Frontstage"],
            ["Tras bastidores", "Backstage"], ["Soporte", "Proceso de soporte"]),
        KeyLabels = KeyNames("Id", "Duración", "Punto de fallo", "Punto de espera", "Punto de dolor", "Emoción", "Métricas", "Política", "Nota", "Url", "Responsable"),
        LineOfInteraction = "Línea de interacción",
        LineOfVisibility = "Línea de visibilidad",
        LineOfInternalInteraction = "Línea de interacción interna",
        Goal = "Objetivo", Persona = "Persona", Scenario = "Escenario",
        Notes = "Notas", Metric = "Métrica", Policy = "Política", Note = "Nota",
        Emotion = "Emoción", Legend = "Leyenda",
        FailPoint = "Punto de fallo", WaitPoint = "Punto de espera", PainPoint = "Punto de dolor",
        Arrow = "Desencadena / depende de", LoopArrow = "Bucle (reintento, regreso)", Journey = "Recorrido del cliente",
        Added = "Añadido", Changed = "Modificado", RemovedGhost = "Eliminado (atenuado)", AddedArrow = "Flecha añadida", RemovedArrow = "Flecha eliminada",
        Continued = "continuación",
    };

    /// <summary>Every supported language, English first.</summary>
    public static readonly IReadOnlyList<Vocabulary> All = [English, Dutch, German, French, Spanish];

    /// <summary>The supported primary subtags, as messages list them.</summary>
    public static IEnumerable<string> Codes => All.Select(v => v.Code);

    /// <summary>The words of a language tag (<c>nl</c>, <c>nl-BE</c>, ...); English for null or an unsupported tag.</summary>
    public static Vocabulary For(string? tag) =>
        tag is null ? English : All.FirstOrDefault(v => v.Code == PrimarySubtag(tag)) ?? English;

    /// <summary>
    /// Checks a <c>lang:</c> value: returns the tag in its canonical case (<c>nl</c>, <c>nl-BE</c>, <c>es-419</c>) or null and
    /// <paramref name="problem"/>, what is wrong and how to fix it (the supported list and a did-you-mean).
    /// </summary>
    public static string? Parse(string value, out string? problem)
    {
        string tag = value.Trim().Replace('_', '-');
        string supported = string.Join(", ", Codes);
        if (!TagPattern().IsMatch(tag))
        {
            problem = $"`{value}` is not a language tag; write a BCP 47 tag such as `nl` or `nl-BE` (supported: {supported}){Hint(tag)}";
            return null;
        }
        string primary = PrimarySubtag(tag);
        if (All.All(v => v.Code != primary))
        {
            problem = $"language `{value}` is not supported; write one of {supported}{Hint(tag)}";
            return null;
        }
        problem = null;
        return string.Join('-', tag.Split('-').Select((part, i) => i == 0 ? part.ToLowerInvariant()
            : part.Length == 2 ? part.ToUpperInvariant()
            : part.Length == 4 ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
            : part.ToLowerInvariant()));
    }

    private static string PrimarySubtag(string tag) => tag.Split('-', '_')[0].ToLowerInvariant();

    /// <summary>"; did you mean `nl`?" for a near code or a language's name (<c>dutch</c>, <c>Deutsch</c>), or nothing.</summary>
    private static string Hint(string tag)
    {
        string lower = tag.ToLowerInvariant();
        foreach (var v in All)
            if (v.Names.Any(n => Diagnostics.Suggest.Distance(lower, n) <= Math.Max(1, n.Length / 4))) return $"; did you mean `{v.Code}`?";
        string primary = lower.Split('-')[0];
        // Two-letter codes are all one or two edits apart: suggest only a swap or a one-letter slip of a three-letter code.
        var near = All.FirstOrDefault(v => Diagnostics.Suggest.Distance(primary, v.Code) == 1 && primary.Length != v.Code.Length
                                           || primary.Length == 2 && primary[0] == v.Code[1] && primary[1] == v.Code[0]);
        return near is not null ? $"; did you mean `{near.Code}`?" : "";
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex TagPattern();

    private static Dictionary<string, string> Lanes(string evidence, string customer, string touchpoint, string frontstage, string backstage, string support) =>
        new()
        {
            [Lane.Evidence] = evidence, [Lane.Customer] = customer, [Lane.Touchpoint] = touchpoint,
            [Lane.Frontstage] = frontstage, [Lane.Backstage] = backstage, [Lane.Support] = support,
        };

    private static Dictionary<string, string[]> Labels(string[] evidence, string[] customer, string[] touchpoint, string[] frontstage, string[] backstage, string[] support) =>
        new()
        {
            [Lane.Evidence] = evidence, [Lane.Customer] = customer, [Lane.Touchpoint] = touchpoint,
            [Lane.Frontstage] = frontstage, [Lane.Backstage] = backstage, [Lane.Support] = support,
        };

    private static Dictionary<string, string> KeyNames(string id, string duration, string fail, string wait, string pain, string emotion,
        string metrics, string policy, string note, string url, string owner) =>
        new()
        {
            ["id"] = id, ["duration"] = duration, ["fail"] = fail, ["wait"] = wait, ["pain"] = pain, ["emotion"] = emotion,
            ["metrics"] = metrics, ["policy"] = policy, ["note"] = note, ["url"] = url, ["owner"] = owner,
        };
}
