using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Model;

/// <summary>A card with its place in the diagram: global step column and position in its cell.</summary>
public sealed record PlacedCard(Card Card, Step Step, int SceneIndex, int StepIndex, int IndexInCell)
{
    /// <summary>How a person names this card: its id, else <c>step.lane</c> (with <c>#n</c> for later cards of a cell).</summary>
    public string DisplayName => Card.Id ?? (IndexInCell == 0 ? $"{Step.Id}.{Card.LaneId}" : $"{Step.Id}.{Card.LaneId}#{IndexInCell + 1}");
}

/// <summary>A resolved arrow between two cards; <see cref="Arrow"/> is null for the automatic journey line.</summary>
public sealed record Edge(PlacedCard From, PlacedCard To, Arrow? Arrow)
{
    public bool IsJourney => Arrow is null;
    public bool Loop => Arrow?.Loop ?? false;
    public string? Label => Arrow?.Label;
}

/// <summary>
/// The blueprint as a graph: every card placed, every id indexed, every arrow resolved, the journey line added.
/// Building it reports duplicate ids (BP004), broken references (BP005) and unknown lanes in references (BP006).
/// </summary>
public sealed class BlueprintGraph
{
    public BlueprintDocument Document { get; }
    public IReadOnlyList<Step> Steps { get; }
    public IReadOnlyList<PlacedCard> Cards { get; }
    /// <summary>Arrows written in the file, resolved, in source order.</summary>
    public IReadOnlyList<Edge> Arrows { get; }
    /// <summary>The journey line between the customer cards of consecutive steps (empty when <c>journey: false</c>).</summary>
    public IReadOnlyList<Edge> JourneyEdges { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IEnumerable<Edge> AllEdges => Arrows.Concat(JourneyEdges);

    private readonly Dictionary<Card, PlacedCard> placed = new(ReferenceEqualityComparer.Instance);

    public PlacedCard Place(Card card) => placed[card];

    /// <summary>Cards drawn but not part of the blueprint's meaning (the removed cards of a diff drawing): never a reference's target, never on the journey line.</summary>
    private readonly Func<Card, bool> inert;

    private BlueprintGraph(BlueprintDocument document, Func<Card, bool>? inert)
    {
        this.inert = inert ?? (_ => false);
        Document = document;
        Steps = document.Steps.ToList();
        var cards = new List<PlacedCard>();
        int stepIndex = 0;
        for (int s = 0; s < document.Scenes.Count; s++)
        {
            foreach (var step in document.Scenes[s].Steps)
            {
                var perLane = new Dictionary<string, int>();
                foreach (var card in step.Cards)
                {
                    int n = perLane.GetValueOrDefault(card.LaneId);
                    perLane[card.LaneId] = n + 1;
                    var p = new PlacedCard(card, step, s, stepIndex, n);
                    cards.Add(p);
                    placed[card] = p;
                }
                stepIndex++;
            }
        }
        Cards = cards;
        var diagnostics = new List<Diagnostic>();
        var ids = IndexIds(document, diagnostics);
        Arrows = ResolveArrows(document, ids, diagnostics);
        JourneyEdges = document.Journey ? BuildJourney() : [];
        Diagnostics = diagnostics;
    }

    public static BlueprintGraph Build(BlueprintDocument document, Func<Card, bool>? inert = null) => new(document, inert);

    private IEnumerable<Card> Live(IEnumerable<Card> cards) => cards.Where(c => !inert(c));

    private abstract record IdTarget(string Kind, string Name, SourceLocation Location);
    private sealed record SceneTarget(Scene Scene) : IdTarget("scene", Scene.Name, Scene.IdLocation);
    private sealed record StepTarget(Step Step) : IdTarget("step", Step.Name, Step.IdLocation);
    private sealed record CardTarget(Card Card) : IdTarget("card", Card.Text, Card.IdLocation);

    private Dictionary<string, IdTarget> IndexIds(BlueprintDocument document, List<Diagnostic> diagnostics)
    {
        var ids = new Dictionary<string, IdTarget>(StringComparer.Ordinal);
        void Add(string id, IdTarget target)
        {
            if (ids.TryGetValue(id, out var first))
            {
                if (target is StepTarget { Step.CopiedByAlias: { } copy })
                {
                    diagnostics.Add(Descriptors.DuplicateId.At(copy.At,
                        $"duplicate id `{id}`: this step \"{Short(target.Name)}\" is a copy, made by the alias `*{copy.Anchor}` at {copy.At.Line}:{copy.At.Column}, "
                        + $"of the step at {first.Location}, id included; write the copy out as a step of its own with its own `id:`"));
                    return;
                }
                string hint = target is SceneTarget or StepTarget ? "; give one of them another `id:`" : "; rename one of them";
                diagnostics.Add(Descriptors.DuplicateId.At(target.Location,
                    $"duplicate id `{id}`: this {target.Kind} \"{Short(target.Name)}\" and the {first.Kind} \"{Short(first.Name)}\" at {first.Location} share it{hint}"));
                return;
            }
            ids[id] = target;
        }

        // Scene ids defaulted from a name are not reference targets, so they only have to differ from each other.
        var sceneIds = new Dictionary<string, Scene>(StringComparer.Ordinal);
        foreach (var scene in document.Scenes)
        {
            if (sceneIds.TryGetValue(scene.Id, out var first))
            {
                diagnostics.Add(Descriptors.DuplicateId.At(scene.IdLocation,
                    $"duplicate id `{scene.Id}`: this scene \"{Short(scene.Name)}\" and the scene \"{Short(first.Name)}\" at {first.IdLocation} share it; give one of them another `id:`"));
                continue;
            }
            sceneIds[scene.Id] = scene;
            if (scene.IdExplicit) Add(scene.Id, new SceneTarget(scene));
        }
        foreach (var step in Steps)
        {
            Add(step.Id, new StepTarget(step));
            foreach (var card in step.Cards)
                if (card.Id is not null) Add(card.Id, new CardTarget(card));
        }
        return ids;
    }

    private List<Edge> ResolveArrows(BlueprintDocument document, Dictionary<string, IdTarget> ids, List<Diagnostic> diagnostics)
    {
        var edges = new List<Edge>();
        var laneIds = document.Lanes.Select(l => l.Id).ToList();
        foreach (var from in Cards)
        {
            foreach (var arrow in from.Card.Arrows)
            {
                var target = Resolve(arrow, ids, laneIds, diagnostics);
                if (target is not null) edges.Add(new Edge(from, placed[target], arrow));
            }
        }
        return edges;
    }

    private Card? Resolve(Arrow arrow, Dictionary<string, IdTarget> ids, List<string> laneIds, List<Diagnostic> diagnostics)
    {
        string reference = arrow.Ref.Trim();
        if (ids.TryGetValue(reference, out var whole))
        {
            switch (whole)
            {
                case CardTarget c: return c.Card;
                case StepTarget s:
                    var card = Live(s.Step.CardsIn(Lane.Customer)).FirstOrDefault() ?? Live(s.Step.Cards).FirstOrDefault();
                    if (card is null)
                        diagnostics.Add(Descriptors.BrokenLink.At(arrow.Location, $"`{reference}` is a step with no cards; an arrow needs a card to point at"));
                    return card;
                default:
                    diagnostics.Add(Descriptors.BrokenLink.At(arrow.Location,
                        $"`{reference}` is a scene; arrows point at a step (`step`), a cell (`step.lane`) or a card id"));
                    return null;
            }
        }

        int dot = reference.LastIndexOf('.');
        if (dot > 0 && ids.TryGetValue(reference[..dot], out var stepTarget) && stepTarget is StepTarget st)
        {
            string lanePart = reference[(dot + 1)..];
            string? laneId = laneIds.FirstOrDefault(l => string.Equals(l, lanePart, StringComparison.OrdinalIgnoreCase))
                             ?? Lane.StandardIdFor(lanePart);
            if (laneId is null)
            {
                var spellings = laneIds.Concat(Lane.StandardIds).Distinct();
                diagnostics.Add(Descriptors.UnknownLane.At(arrow.Location,
                    $"`{lanePart}` in `{reference}` is not a lane{Suggest.DidYouMean(lanePart, spellings)} (lanes: {string.Join(", ", laneIds)})"));
                return null;
            }
            var card = Live(st.Step.CardsIn(laneId)).FirstOrDefault();
            if (card is null)
                diagnostics.Add(Descriptors.BrokenLink.At(arrow.Location,
                    $"step `{st.Step.Id}` has no {laneId} card for `{reference}` to point at"));
            return card;
        }

        var candidates = ids.Where(kv => kv.Value is not SceneTarget).Select(kv => kv.Key).ToList();
        string? near = dot > 0 && Suggest.Nearest(reference[..dot], candidates) is { } stepNear
            ? $"{stepNear}{reference[dot..]}"
            : Suggest.Nearest(reference, candidates);
        diagnostics.Add(Descriptors.BrokenLink.At(arrow.Location,
            $"no step or card has the id `{reference}`{Suggest.DidYouMean(near)}") with { Suggestion = near });
        return null;
    }

    private List<Edge> BuildJourney()
    {
        var edges = new List<Edge>();
        PlacedCard? previous = null;
        foreach (var step in Steps)
        {
            var customer = Live(step.CardsIn(Lane.Customer)).FirstOrDefault();
            if (customer is null) continue;
            var current = placed[customer];
            if (previous is not null) edges.Add(new Edge(previous, current, null));
            previous = current;
        }
        return edges;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
