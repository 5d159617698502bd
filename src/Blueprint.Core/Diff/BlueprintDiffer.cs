using System.Globalization;
using Blueprint.Core.Model;

namespace Blueprint.Core.Diff;

/// <summary>
/// Compares two versions of a blueprint by meaning (SPEC section 9): a pure function from two models to the list of
/// changes. A missing version (null) makes everything of the other added or removed.
/// </summary>
public static class BlueprintDiffer
{
    public static BlueprintDiff Compare(BlueprintDocument? before, BlueprintDocument? after)
    {
        var empty = new BlueprintDocument { Title = after?.Title ?? before?.Title ?? "" };
        var matching = new Matching(before ?? empty, after ?? empty);
        var changes = new List<Change>();
        if (before is not null && after is not null) changes.AddRange(DocumentFields(before, after));
        changes.AddRange(Elements(matching));
        return new BlueprintDiff(changes, DiffTotals.Of(before), DiffTotals.Of(after));
    }

    private static IEnumerable<Change> DocumentFields(BlueprintDocument a, BlueprintDocument b)
    {
        foreach (var (field, x, y) in new[]
                 {
                     ("title", a.Title, b.Title), ("goal", a.Goal, b.Goal), ("persona", a.Persona, b.Persona),
                     ("scenario", a.Scenario, b.Scenario), ("owner", a.Owner, b.Owner),
                     ("lanes", LanesText(a.Lanes), LanesText(b.Lanes)), ("journey", Bool(a.Journey), Bool(b.Journey)),
                 })
            if (x != y) yield return new Change(ChangeKind.Changed, ElementKind.Blueprint, null, field, x, y);
    }

    /// <summary><c>customer, frontstage, kitchen (Kitchen, #ffd966)</c>: lane ids, with a name or colour the file gave.</summary>
    public static string LanesText(IReadOnlyList<Lane> lanes) => string.Join(", ", lanes.Select(l =>
    {
        var extra = new List<string>();
        if (l.Name != Lane.DefaultName(l.Id)) extra.Add(l.Name);
        if (l.Color is { } c) extra.Add(c);
        return extra.Count == 0 ? l.Id : $"{l.Id} ({string.Join(", ", extra)})";
    }));

    private static string Bool(bool b) => b ? "true" : "false";

    /// <summary>Scenes, then for each step in the new order its own changes, its cards' and its arrows'; what was removed where it was.</summary>
    private static List<Change> Elements(Matching m)
    {
        var changes = new List<Change>();
        var oldDoc = m.Old.Document;
        var newDoc = m.New.Document;
        var newOfOldScene = m.Scenes;

        // Scenes: each one's own changes go before its steps'; a removed one before its removed steps.
        var sceneChanges = new Dictionary<Scene, List<Change>>(ReferenceEqualityComparer.Instance);
        var keptScenes = oldDoc.Scenes.Where(newOfOldScene.ContainsKey).ToList();
        var sceneMoves = Moved(keptScenes, s => newDoc.Scenes.ToList().IndexOf(newOfOldScene[s]));
        foreach (var s in newDoc.Scenes)
        {
            var list = sceneChanges[s] = [];
            var old = oldDoc.Scenes.FirstOrDefault(o => newOfOldScene.TryGetValue(o, out var n) && ReferenceEquals(n, s));
            if (old is null) { list.Add(new Change(ChangeKind.Added, ElementKind.Scene, s.Id, null, null, s.Name) { Scene = s.Name }); continue; }
            if (old.Name != s.Name) list.Add(new Change(ChangeKind.Renamed, ElementKind.Scene, s.Id, "name", old.Name, s.Name) { Scene = s.Name });
            if (old.Id != s.Id && (old.IdExplicit || s.IdExplicit))
                list.Add(new Change(ChangeKind.Renamed, ElementKind.Scene, s.Id, "id", old.Id, s.Id) { Scene = s.Name });
            if (sceneMoves.Contains(old))
                list.Add(new Change(ChangeKind.Moved, ElementKind.Scene, s.Id, "position", Position(oldDoc.Scenes, old), Position(newDoc.Scenes, s)) { Scene = s.Name });
        }
        var removedScenesSaid = new HashSet<Scene>(ReferenceEqualityComparer.Instance);
        void RemovedScene(Scene s)
        {
            if (newOfOldScene.ContainsKey(s) || !removedScenesSaid.Add(s)) return;
            changes.Add(new Change(ChangeKind.Removed, ElementKind.Scene, s.Id, null, s.Name, null) { Scene = s.Name });
        }

        // Steps kept in their scene that changed place among the others there.
        var stepMoves = new HashSet<Step>(ReferenceEqualityComparer.Instance);
        foreach (var scene in oldDoc.Scenes)
        {
            if (!newOfOldScene.TryGetValue(scene, out var newScene)) continue;
            var kept = scene.Steps.Where(s => m.Steps.TryGetValue(s, out var n) && ReferenceEquals(m.NewSceneOf(n), newScene)).ToList();
            foreach (var s in Moved(kept, s => newScene.Steps.ToList().IndexOf(m.Steps[s]))) stepMoves.Add(s);
        }

        var oldOfNewStep = new Dictionary<Step, Step>(ReferenceEqualityComparer.Instance);
        foreach (var (o, n) in m.Steps) oldOfNewStep[n] = o;
        var oldOfNewCard = new Dictionary<Card, Card>(ReferenceEqualityComparer.Instance);
        foreach (var (o, n) in m.Cards) oldOfNewCard[n] = o;

        // What was removed goes with the step its old step became, or, for a removed step, after the last kept step before it.
        var removedCardsAt = new Dictionary<Step, List<PlacedCard>>(ReferenceEqualityComparer.Instance);
        var removedStepsAfter = new Dictionary<Step, List<Step>>(ReferenceEqualityComparer.Instance);
        var removedFirst = new List<Step>();
        Step? lastKept = null;
        foreach (var s in m.Old.Steps)
        {
            if (m.Steps.TryGetValue(s, out var n)) { lastKept = n; continue; }
            if (lastKept is null) removedFirst.Add(s);
            else (removedStepsAfter.TryGetValue(lastKept, out var l) ? l : removedStepsAfter[lastKept] = []).Add(s);
        }
        foreach (var p in m.Old.Cards)
        {
            if (m.Cards.ContainsKey(p.Card) || !m.Steps.TryGetValue(p.Step, out var n)) continue;
            (removedCardsAt.TryGetValue(n, out var l) ? l : removedCardsAt[n] = []).Add(p);
        }
        var removedArrowsFrom = m.RemovedArrows.ToLookup(e => e.From.Card, ReferenceEqualityComparer.Instance);
        var addedArrowsFrom = m.AddedArrows.ToLookup(e => e.From.Card, ReferenceEqualityComparer.Instance);
        var keptArrowsFrom = m.Arrows.ToLookup(a => a.New.From.Card, ReferenceEqualityComparer.Instance);

        void RemovedStep(Step s, string sceneName)
        {
            RemovedScene(m.OldSceneOf(s));
            changes.Add(new Change(ChangeKind.Removed, ElementKind.Step, s.Id, null, s.Name, null) { Scene = sceneName });
            foreach (var card in s.Cards)
            {
                var p = m.Old.Place(card);
                changes.Add(new Change(ChangeKind.Removed, ElementKind.Card, p.DisplayName, null, card.Text, null) { Scene = sceneName });
                foreach (var e in removedArrowsFrom[card]) changes.Add(ArrowChange(ChangeKind.Removed, e, sceneName));
            }
        }
        string SceneNameOfRemoved(Step s)
        {
            var scene = m.OldSceneOf(s);
            return newOfOldScene.TryGetValue(scene, out var n) ? n.Name : scene.Name;
        }

        foreach (var s in removedFirst) RemovedStep(s, SceneNameOfRemoved(s));
        foreach (var scene in newDoc.Scenes)
        {
            changes.AddRange(sceneChanges[scene]);
            foreach (var step in scene.Steps)
            {
                string sceneName = scene.Name;
                if (!oldOfNewStep.TryGetValue(step, out var old))
                {
                    changes.Add(new Change(ChangeKind.Added, ElementKind.Step, step.Id, null, null, step.Name) { Scene = sceneName });
                }
                else
                {
                    changes.AddRange(StepChanges(m, old, step, stepMoves.Contains(old)).Select(c => c with { Scene = sceneName }));
                }
                foreach (var card in step.Cards)
                {
                    var p = m.New.Place(card);
                    if (!oldOfNewCard.TryGetValue(card, out var oldCard))
                        changes.Add(new Change(ChangeKind.Added, ElementKind.Card, p.DisplayName, null, null, card.Text) { Scene = sceneName });
                    else
                        changes.AddRange(CardChanges(m, oldCard, card).Select(c => c with { Scene = sceneName }));
                    foreach (var (o, n) in keptArrowsFrom[card]) changes.AddRange(ArrowFieldChanges(o, n, sceneName));
                    foreach (var e in addedArrowsFrom[card]) changes.Add(ArrowChange(ChangeKind.Added, e, sceneName));
                    if (oldCard is not null)
                        foreach (var e in removedArrowsFrom[oldCard]) changes.Add(ArrowChange(ChangeKind.Removed, e, sceneName));
                }
                foreach (var p in removedCardsAt.GetValueOrDefault(step) ?? [])
                {
                    changes.Add(new Change(ChangeKind.Removed, ElementKind.Card, p.DisplayName, null, p.Card.Text, null) { Scene = sceneName });
                    foreach (var e in removedArrowsFrom[p.Card]) changes.Add(ArrowChange(ChangeKind.Removed, e, sceneName));
                }
                foreach (var s in removedStepsAfter.GetValueOrDefault(step) ?? []) RemovedStep(s, SceneNameOfRemoved(s));
            }
        }
        foreach (var s in oldDoc.Scenes) RemovedScene(s);
        return changes;
    }

    /// <summary>The elements (in their old order) not on a longest run kept in order by the new positions: those that moved.</summary>
    private static HashSet<T> Moved<T>(List<T> kept, Func<T, int> newIndex) where T : class
    {
        int n = kept.Count;
        var idx = kept.Select(newIndex).ToArray();
        // Longest increasing subsequence of the new positions (n is a scene's steps: quadratic is fine).
        var length = new int[n];
        var prev = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            length[i] = 1; prev[i] = -1;
            for (int j = 0; j < i; j++)
                if (idx[j] < idx[i] && length[j] + 1 > length[i]) { length[i] = length[j] + 1; prev[i] = j; }
            if (best < 0 || length[i] > length[best]) best = i;
        }
        var inOrder = new HashSet<int>();
        for (int i = best; i >= 0; i = prev[i]) inOrder.Add(i);
        var moved = new HashSet<T>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++) if (!inOrder.Contains(i)) moved.Add(kept[i]);
        return moved;
    }

    private static string Position<T>(IReadOnlyList<T> list, T item) where T : class =>
        (list.ToList().FindIndex(x => ReferenceEquals(x, item)) + 1).ToString(CultureInfo.InvariantCulture);

    internal static IEnumerable<Change> StepChanges(Matching m, Step a, Step b, bool movedInScene)
    {
        if (a.Name != b.Name) yield return new Change(ChangeKind.Renamed, ElementKind.Step, b.Id, "name", a.Name, b.Name);
        if (a.Id != b.Id && (a.IdExplicit || b.IdExplicit)) yield return new Change(ChangeKind.Renamed, ElementKind.Step, b.Id, "id", a.Id, b.Id);
        var oldScene = m.OldSceneOf(a);
        var newScene = m.NewSceneOf(b);
        if (!(m.Scenes.TryGetValue(oldScene, out var s) && ReferenceEquals(s, newScene)))
            yield return new Change(ChangeKind.Moved, ElementKind.Step, b.Id, "scene", oldScene.Id, newScene.Id);
        else if (movedInScene)
            yield return new Change(ChangeKind.Moved, ElementKind.Step, b.Id, "position", Position(oldScene.Steps, a), Position(newScene.Steps, b));
        foreach (var (field, x, y) in StepFields(a).Zip(StepFields(b), (x, y) => (x.Field, x.Value, y.Value)))
            if (x != y) yield return new Change(ChangeKind.Changed, ElementKind.Step, b.Id, field, x, y);
    }

    /// <summary>A step's own fields compared, in the order the format lists them.</summary>
    private static IEnumerable<(string Field, string? Value)> StepFields(Step s) =>
    [
        ("duration", s.Duration is { } d ? Durations.Format(d) : null),
        ("fail", s.Fail), ("wait", s.Wait), ("pain", s.Pain),
        ("emotion", s.Emotion?.ToString(CultureInfo.InvariantCulture)),
        ("metrics", s.Metrics.Count == 0 ? null : string.Join("; ", s.Metrics)),
        ("policy", s.Policy), ("note", s.Note), ("url", s.Url),
    ];

    /// <summary>Every field of a matched card that differs: its place (step, lane) as moved, its id as renamed, the rest as changed.</summary>
    internal static IEnumerable<Change> CardChanges(Matching m, Card a, Card b)
    {
        var pa = m.Old.Place(a);
        var pb = m.New.Place(b);
        string id = pb.DisplayName;
        if (!(m.Steps.TryGetValue(pa.Step, out var s) && ReferenceEquals(s, pb.Step)))
            yield return new Change(ChangeKind.Moved, ElementKind.Card, id, "step", pa.Step.Id, pb.Step.Id);
        if (a.LaneId != b.LaneId) yield return new Change(ChangeKind.Moved, ElementKind.Card, id, "lane", a.LaneId, b.LaneId);
        if (a.Id != b.Id) yield return new Change(ChangeKind.Renamed, ElementKind.Card, id, "id", a.Id, b.Id);
        foreach (var (field, x, y) in new[]
                 {
                     ("text", a.Text, b.Text), ("owner", a.Owner, b.Owner), ("fail", a.Fail, b.Fail), ("wait", a.Wait, b.Wait),
                     ("pain", a.Pain, b.Pain), ("note", a.Note, b.Note), ("url", a.Url, b.Url),
                 })
            if (x != y) yield return new Change(ChangeKind.Changed, ElementKind.Card, id, field, x, y);
    }

    /// <summary><c>greet -> look-up</c>: an arrow by the cards at its ends, as diagnostics name them.</summary>
    public static string ArrowId(Edge e) => $"{e.From.DisplayName} -> {e.To.DisplayName}";

    private static Change ArrowChange(ChangeKind kind, Edge e, string sceneName) =>
        new(kind, ElementKind.Arrow, ArrowId(e), null, kind == ChangeKind.Removed ? ArrowText(e) : null, kind == ChangeKind.Added ? ArrowText(e) : null) { Scene = sceneName };

    /// <summary>What an added or removed arrow shows: its label, and <c>(loop)</c> for a loop arrow; null for a plain arrow.</summary>
    private static string? ArrowText(Edge e)
    {
        string? label = string.IsNullOrWhiteSpace(e.Label) ? null : e.Label.Trim();
        return e.Loop ? (label is null ? "(loop)" : $"{label} (loop)") : label;
    }

    private static IEnumerable<Change> ArrowFieldChanges(Edge a, Edge b, string sceneName)
    {
        if (a.Label != b.Label) yield return new Change(ChangeKind.Changed, ElementKind.Arrow, ArrowId(b), "label", a.Label, b.Label) { Scene = sceneName };
        if (a.Loop != b.Loop) yield return new Change(ChangeKind.Changed, ElementKind.Arrow, ArrowId(b), "loop", Bool(a.Loop), Bool(b.Loop)) { Scene = sceneName };
    }
}
