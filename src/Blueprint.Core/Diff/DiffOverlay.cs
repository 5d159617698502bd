using Blueprint.Core.Model;

namespace Blueprint.Core.Diff;

/// <summary>How a diff drawing marks an element: added (green, +), changed (amber, ~), removed (a faded, dashed ghost).</summary>
public enum DiffMark { Added, Changed, Removed }

/// <summary>An arrow of the old version that is gone, between two cards of <see cref="DiffOverlay.Document"/>.</summary>
public sealed record GhostArrow(Card From, Card To, Arrow Arrow);

/// <summary>
/// The new version of a blueprint with what changed since the old one, for drawing (SPEC section 9): the new document
/// with each removed card as a ghost at the end of the cell it was in (a removed step as a ghost column where it was,
/// a removed scene as a ghost scene), and marks by element. Ghosts keep their text and owner; their marks, notes and
/// arrows are dropped (removed arrows are listed apart). Any output can draw this, the layout marks it.
/// </summary>
public sealed class DiffOverlay
{
    public required BlueprintDocument Document { get; init; }
    public required IReadOnlyDictionary<Card, DiffMark> Cards { get; init; }
    public required IReadOnlyDictionary<Step, DiffMark> Steps { get; init; }
    public required IReadOnlyDictionary<Scene, DiffMark> Scenes { get; init; }
    /// <summary>For a changed card, its changes (each field before and after), for a details panel.</summary>
    public required IReadOnlyDictionary<Card, IReadOnlyList<Change>> CardChanges { get; init; }
    public required IReadOnlyList<GhostArrow> RemovedArrows { get; init; }
    public required IReadOnlySet<Arrow> AddedArrows { get; init; }

    public bool IsGhost(Card card) => Cards.TryGetValue(card, out var mark) && mark == DiffMark.Removed;

    public static DiffOverlay Build(BlueprintDocument before, BlueprintDocument after)
    {
        var m = new Matching(before, after);
        var cardMarks = new Dictionary<Card, DiffMark>(ReferenceEqualityComparer.Instance);
        var stepMarks = new Dictionary<Step, DiffMark>(ReferenceEqualityComparer.Instance);
        var sceneMarks = new Dictionary<Scene, DiffMark>(ReferenceEqualityComparer.Instance);
        var cardChanges = new Dictionary<Card, IReadOnlyList<Change>>(ReferenceEqualityComparer.Instance);

        var ghostOf = new Dictionary<Card, Card>(ReferenceEqualityComparer.Instance);
        Card Ghost(Card c)
        {
            var g = c with { Arrows = [], Fail = null, Wait = null, Pain = null, Note = null, Url = null };
            ghostOf[c] = g;
            cardMarks[g] = DiffMark.Removed;
            return g;
        }

        // Removed cards of kept steps go to the end of their old cell in the step they became (live cards keep their derived ids).
        var ghostsIn = new Dictionary<Step, List<Card>>(ReferenceEqualityComparer.Instance);
        foreach (var p in m.Old.Cards)
            if (!m.Cards.ContainsKey(p.Card) && m.Steps.TryGetValue(p.Step, out var n))
                (ghostsIn.TryGetValue(n, out var l) ? l : ghostsIn[n] = []).Add(Ghost(p.Card));

        // Removed steps, as ghost columns, after the kept step they followed in their old scene.
        Step GhostStep(Step s)
        {
            var g = s with
            {
                Cards = s.Cards.Where(c => !m.Cards.ContainsKey(c)).Select(Ghost).ToList(),
                Fail = null, Wait = null, Pain = null, Emotion = null, Metrics = [], Policy = null, Note = null, Url = null,
            };
            stepMarks[g] = DiffMark.Removed;
            return g;
        }
        var insertAfter = new Dictionary<Step, List<Step>>(ReferenceEqualityComparer.Instance);   // key: a new step
        var insertFirst = new Dictionary<Scene, List<Step>>(ReferenceEqualityComparer.Instance);  // key: a new scene
        var ghostScenes = new Dictionary<Scene, List<Step>>(ReferenceEqualityComparer.Instance);  // key: an old scene
        foreach (var scene in before.Scenes)
        {
            Step? previous = null;
            bool sceneKept = m.Scenes.TryGetValue(scene, out var newScene);
            foreach (var s in scene.Steps)
            {
                if (m.Steps.TryGetValue(s, out var n))
                {
                    if (sceneKept && ReferenceEquals(m.NewSceneOf(n), newScene)) previous = n;
                    continue;
                }
                var g = GhostStep(s);
                if (!sceneKept) (ghostScenes.TryGetValue(scene, out var l) ? l : ghostScenes[scene] = []).Add(g);
                else if (previous is null) (insertFirst.TryGetValue(newScene!, out var f) ? f : insertFirst[newScene!] = []).Add(g);
                else (insertAfter.TryGetValue(previous, out var a) ? a : insertAfter[previous] = []).Add(g);
            }
        }

        var oldOfNewStep = m.Steps.ToDictionary(p => p.Value, p => p.Key, (IEqualityComparer<Step>)ReferenceEqualityComparer.Instance);
        var oldOfNewCard = m.Cards.ToDictionary(p => p.Value, p => p.Key, (IEqualityComparer<Card>)ReferenceEqualityComparer.Instance);
        var scenes = new List<Scene>();
        var mergedOfNewScene = new Dictionary<Scene, Scene>(ReferenceEqualityComparer.Instance);
        foreach (var scene in after.Scenes)
        {
            var steps = new List<Step>(insertFirst.GetValueOrDefault(scene) ?? []);
            foreach (var step in scene.Steps)
            {
                var merged = step with { Cards = [.. step.Cards, .. ghostsIn.GetValueOrDefault(step) ?? []] };
                if (!oldOfNewStep.TryGetValue(step, out var oldStep)) stepMarks[merged] = DiffMark.Added;
                else if (BlueprintDiffer.StepChanges(m, oldStep, step, movedInScene: false).Any()) stepMarks[merged] = DiffMark.Changed;
                foreach (var card in step.Cards)
                {
                    if (!oldOfNewCard.TryGetValue(card, out var oldCard)) { cardMarks[card] = DiffMark.Added; continue; }
                    var changes = BlueprintDiffer.CardChanges(m, oldCard, card).ToList();
                    if (changes.Count == 0) continue;
                    cardMarks[card] = DiffMark.Changed;
                    cardChanges[card] = changes;
                }
                steps.Add(merged);
                steps.AddRange(insertAfter.GetValueOrDefault(step) ?? []);
            }
            var mergedScene = scene with { Steps = steps };
            if (!m.IsMatchedNew(scene)) sceneMarks[mergedScene] = DiffMark.Added;
            mergedOfNewScene[scene] = mergedScene;
            scenes.Add(mergedScene);
        }
        // A removed scene with removed steps comes back as a ghost after the scene it followed.
        for (int i = 0; i < before.Scenes.Count; i++)
        {
            var old = before.Scenes[i];
            if (!ghostScenes.TryGetValue(old, out var ghostSteps)) continue;
            var ghost = old with { Steps = ghostSteps };
            sceneMarks[ghost] = DiffMark.Removed;
            int at = 0;
            for (int j = i - 1; j >= 0; j--)
            {
                var anchor = m.Scenes.TryGetValue(before.Scenes[j], out var n) ? mergedOfNewScene[n] : null;
                int k = anchor is null ? -1 : scenes.FindIndex(s => ReferenceEquals(s, anchor));
                if (k >= 0) { at = k + 1; break; }
            }
            scenes.Insert(at, ghost);
        }

        Card? Drawn(Card oldCard) => m.Cards.TryGetValue(oldCard, out var n) ? n : ghostOf.GetValueOrDefault(oldCard);
        var removedArrows = new List<GhostArrow>();
        foreach (var e in m.RemovedArrows)
            if (Drawn(e.From.Card) is { } from && Drawn(e.To.Card) is { } to) removedArrows.Add(new GhostArrow(from, to, e.Arrow!));
        var added = new HashSet<Arrow>(m.AddedArrows.Select(e => e.Arrow!), ReferenceEqualityComparer.Instance);

        return new DiffOverlay
        {
            Document = after with { Scenes = scenes },
            Cards = cardMarks, Steps = stepMarks, Scenes = sceneMarks, CardChanges = cardChanges,
            RemovedArrows = removedArrows, AddedArrows = added,
        };
    }
}
