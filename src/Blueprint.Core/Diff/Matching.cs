using Blueprint.Core.Model;

namespace Blueprint.Core.Diff;

/// <summary>
/// Which element of the old version is which of the new one. Scenes, steps and cards are matched by id (explicit or
/// derived) first, then by text similarity (<see cref="Similarity.Threshold"/>) for renamed ones; steps and cards across
/// the whole blueprint, so one that moved to another scene, step or lane is still the same element. Arrows are matched
/// by the matched cards at their two ends. Maps go from old to new, by reference.
/// </summary>
public sealed class Matching
{
    public BlueprintGraph Old { get; }
    public BlueprintGraph New { get; }
    public IReadOnlyDictionary<Scene, Scene> Scenes => scenes;
    public IReadOnlyDictionary<Step, Step> Steps => steps;
    public IReadOnlyDictionary<Card, Card> Cards => cards;
    /// <summary>Arrows written in both versions (the journey line is not written, so never compared).</summary>
    public IReadOnlyList<(Edge Old, Edge New)> Arrows { get; }
    public IReadOnlyList<Edge> RemovedArrows { get; }
    public IReadOnlyList<Edge> AddedArrows { get; }

    private readonly Dictionary<Scene, Scene> scenes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Step, Step> steps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Card, Card> cards = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Step, Scene> oldSceneOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Step, Scene> newSceneOf = new(ReferenceEqualityComparer.Instance);

    public Scene OldSceneOf(Step step) => oldSceneOf[step];
    public Scene NewSceneOf(Step step) => newSceneOf[step];

    public bool IsMatchedNew(Card card) => newCards.Contains(card);
    public bool IsMatchedNew(Step step) => newSteps.Contains(step);
    public bool IsMatchedNew(Scene scene) => newScenes.Contains(scene);

    private readonly HashSet<Card> newCards = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Step> newSteps = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Scene> newScenes = new(ReferenceEqualityComparer.Instance);

    public Matching(BlueprintDocument before, BlueprintDocument after)
    {
        Old = BlueprintGraph.Build(before);
        New = BlueprintGraph.Build(after);
        foreach (var scene in before.Scenes) foreach (var step in scene.Steps) oldSceneOf[step] = scene;
        foreach (var scene in after.Scenes) foreach (var step in scene.Steps) newSceneOf[step] = scene;
        MatchSteps();
        MatchScenes(before, after);
        MatchCards();
        var (matched, removed, added) = MatchArrows();
        Arrows = matched;
        RemovedArrows = removed;
        AddedArrows = added;
    }

    private void MatchSteps()
    {
        var oldSteps = Old.Steps;
        var byId = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var s in New.Steps) byId.TryAdd(s.Id, s);
        foreach (var s in oldSteps)
            if (byId.TryGetValue(s.Id, out var n) && !newSteps.Contains(n)) Pair(steps, newSteps, s, n);
        Greedy(oldSteps.Where(s => !steps.ContainsKey(s)).ToList(), New.Steps.Where(s => !newSteps.Contains(s)).ToList(),
            (a, b) => Math.Max(Similarity.Of(a.Name, b.Name), Similarity.Of(CardTexts(a), CardTexts(b))),
            (a, b) => Pair(steps, newSteps, a, b));
    }

    private static string CardTexts(Step step) => string.Join('\n', step.Cards.Select(c => c.Text));

    private void MatchScenes(BlueprintDocument before, BlueprintDocument after)
    {
        var byId = new Dictionary<string, Scene>(StringComparer.Ordinal);
        foreach (var s in after.Scenes) byId.TryAdd(s.Id, s);
        foreach (var s in before.Scenes)
            if (byId.TryGetValue(s.Id, out var n) && !newScenes.Contains(n)) Pair(scenes, newScenes, s, n);
        // A renamed scene is known by its name, or by holding the same steps.
        double Overlap(Scene a, Scene b)
        {
            int size = Math.Max(a.Steps.Count, b.Steps.Count);
            if (size == 0) return 0;
            int shared = a.Steps.Count(s => steps.TryGetValue(s, out var m) && ReferenceEquals(newSceneOf[m], b));
            return (double)shared / size;
        }
        Greedy(before.Scenes.Where(s => !scenes.ContainsKey(s)).ToList(), after.Scenes.Where(s => !newScenes.Contains(s)).ToList(),
            (a, b) => Math.Max(Similarity.Of(a.Name, b.Name), Overlap(a, b)),
            (a, b) => Pair(scenes, newScenes, a, b));
    }

    /// <summary>
    /// Cards, in passes from the surest to the loosest: the same explicit id; the same text in the same cell, then in
    /// the same step, then anywhere; the same place in the same cell (the derived id <c>step.lane#n</c>); alike text anywhere.
    /// </summary>
    private void MatchCards()
    {
        var olds = Old.Cards;
        var news = New.Cards;
        var byId = new Dictionary<string, PlacedCard>(StringComparer.Ordinal);
        foreach (var p in news) if (p.Card.Id is { } id) byId.TryAdd(id, p);
        foreach (var p in olds)
            if (p.Card.Id is { } id && byId.TryGetValue(id, out var n) && !newCards.Contains(n.Card)) Pair(cards, newCards, p.Card, n.Card);

        Step? StepAfter(PlacedCard p) => steps.GetValueOrDefault(p.Step);
        bool SameStep(PlacedCard o, PlacedCard n) => ReferenceEquals(StepAfter(o), n.Step);
        bool SameCell(PlacedCard o, PlacedCard n) => SameStep(o, n) && o.Card.LaneId == n.Card.LaneId;
        bool SameText(PlacedCard o, PlacedCard n) => o.Card.Text == n.Card.Text;
        bool Distinct(PlacedCard o, PlacedCard n) => o.Card.Id is { } a && n.Card.Id is { } b && a != b;

        void Pass(Func<PlacedCard, PlacedCard, bool> fits)
        {
            foreach (var o in olds)
            {
                if (cards.ContainsKey(o.Card)) continue;
                foreach (var n in news)
                {
                    if (newCards.Contains(n.Card) || Distinct(o, n) || !fits(o, n)) continue;
                    Pair(cards, newCards, o.Card, n.Card);
                    break;
                }
            }
        }
        Pass((o, n) => SameCell(o, n) && SameText(o, n));
        Pass((o, n) => SameStep(o, n) && SameText(o, n));
        Pass(SameText);
        Pass(SameCell);
        Greedy(olds.Where(p => !cards.ContainsKey(p.Card)).ToList(), news.Where(p => !newCards.Contains(p.Card)).ToList(),
            (a, b) => Similarity.Of(a.Card.Text, b.Card.Text),
            (a, b) => Pair(cards, newCards, a.Card, b.Card));
    }

    private (List<(Edge, Edge)>, List<Edge>, List<Edge>) MatchArrows()
    {
        var pending = New.Arrows.ToList();
        var matched = new List<(Edge, Edge)>();
        var removed = new List<Edge>();
        foreach (var o in Old.Arrows)
        {
            var from = cards.GetValueOrDefault(o.From.Card);
            var to = cards.GetValueOrDefault(o.To.Card);
            int i = from is null || to is null ? -1
                : pending.FindIndex(n => ReferenceEquals(n.From.Card, from) && ReferenceEquals(n.To.Card, to));
            if (i < 0) { removed.Add(o); continue; }
            matched.Add((o, pending[i]));
            pending.RemoveAt(i);
        }
        return (matched, removed, pending);
    }

    private static void Pair<T>(Dictionary<T, T> map, HashSet<T> taken, T a, T b) where T : class
    {
        map[a] = b;
        taken.Add(b);
    }

    /// <summary>Pairs the most alike first (ties in reading order), each at most once, when at least <see cref="Similarity.Threshold"/> alike.</summary>
    private static void Greedy<T>(List<T> olds, List<T> news, Func<T, T, double> score, Action<T, T> pair)
    {
        if (olds.Count == 0 || news.Count == 0) return;
        var candidates = new List<(double Score, int Old, int New)>();
        for (int i = 0; i < olds.Count; i++)
            for (int j = 0; j < news.Count; j++)
            {
                double s = score(olds[i], news[j]);
                if (s >= Similarity.Threshold) candidates.Add((s, i, j));
            }
        var usedOld = new bool[olds.Count];
        var usedNew = new bool[news.Count];
        foreach (var (_, i, j) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Old).ThenBy(c => c.New))
        {
            if (usedOld[i] || usedNew[j]) continue;
            usedOld[i] = usedNew[j] = true;
            pair(olds[i], news[j]);
        }
    }
}
