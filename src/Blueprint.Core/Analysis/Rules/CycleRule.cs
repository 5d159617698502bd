using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP007: arrows (journey line included) that go round in a circle with no edge marked <c>loop: true</c>.
/// Finds strongly connected components of the graph without loop edges (iteratively: no deep recursion on
/// large blueprints) and lists one cycle of each.
/// </summary>
public sealed class CycleRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.Cycle;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var cycle in Cycles(context.Graph))
        {
            var names = cycle.Edges.Select(e => e.From.DisplayName).Append(cycle.Edges[^1].To.DisplayName);
            string journey = cycle.Edges.Any(e => e.IsJourney) ? " (the journey line joins customer cards left to right)" : "";
            yield return Descriptor.At(cycle.Location,
                $"arrows form a cycle: {string.Join(" → ", names)}{journey}; mark the arrow that goes back with {(context.IsMarkdown ? "the link title `loop` (`[](#id \"loop\")`)" : "`loop: true`")} if the return is intended, or remove it").About(FindingSubject.Card(cycle.ReportedAt?.From ?? cycle.Edges[0].From));
        }
    }

    /// <summary>
    /// One cycle found: its edges in order (the last returns to the first's card), and the written arrow it is
    /// reported at (the first in the file; null when the cycle is the journey line alone).
    /// </summary>
    public sealed record FoundCycle(IReadOnlyList<Edge> Edges, Edge? ReportedAt)
    {
        /// <summary>Where the finding is: the arrow it is reported at, else the first card's own place.</summary>
        public SourceLocation Location => ReportedAt?.Arrow!.Location ?? Edges[0].From.Card.Location;
    }

    /// <summary>One cycle of each knot of arrows not marked <c>loop: true</c>, in card order: what BP007 reports, also for an editor's quick fix.</summary>
    public static IEnumerable<FoundCycle> Cycles(BlueprintGraph graph)
    {
        var nodes = graph.Cards;
        var index = new Dictionary<PlacedCard, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < nodes.Count; i++) index[nodes[i]] = i;
        var outgoing = new List<Edge>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++) outgoing[i] = [];
        foreach (var edge in graph.AllEdges.Where(e => !e.Loop))
            outgoing[index[edge.From]].Add(edge);

        foreach (var component in StronglyConnected(nodes.Count, outgoing, index))
        {
            var cycle = FindCycle(component, outgoing, index);
            if (cycle.Count == 0) continue;
            var reportAt = cycle.Where(e => !e.IsJourney).OrderBy(e => e.Arrow!.Location.Line).ThenBy(e => e.Arrow!.Location.Column).FirstOrDefault();
            yield return new FoundCycle(cycle, reportAt);
        }
    }

    private static List<List<int>> StronglyConnected(int count, List<Edge>[] outgoing, Dictionary<PlacedCard, int> index)
    {
        var result = new List<List<int>>();
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        int counter = 0;
        for (int start = 0; start < count; start++)
        {
            if (order[start] >= 0) continue;
            var work = new Stack<(int Node, int Next)>();
            work.Push((start, 0));
            order[start] = low[start] = counter++;
            stack.Push(start);
            onStack[start] = true;
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next < outgoing[v].Count)
                {
                    work.Push((v, next + 1));
                    int w = index[outgoing[v][next].To];
                    if (order[w] < 0)
                    {
                        order[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, 0));
                    }
                    else if (onStack[w]) low[v] = Math.Min(low[v], order[w]);
                    continue;
                }
                if (work.Count > 0) { var parent = work.Peek().Node; low[parent] = Math.Min(low[parent], low[v]); }
                if (low[v] != order[v]) continue;
                var component = new List<int>();
                int x;
                do { x = stack.Pop(); onStack[x] = false; component.Add(x); } while (x != v);
                bool selfLoop = component.Count == 1 && outgoing[v].Any(e => index[e.To] == v);
                if (component.Count > 1 || selfLoop) result.Add(component);
            }
        }
        return result.OrderBy(c => c.Min()).ToList();
    }

    /// <summary>A shortest cycle through the component's first node (breadth-first inside the component).</summary>
    private static List<Edge> FindCycle(List<int> component, List<Edge>[] outgoing, Dictionary<PlacedCard, int> index)
    {
        var members = component.ToHashSet();
        int start = component.Min();
        var via = new Dictionary<int, Edge>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            foreach (var edge in outgoing[v])
            {
                int w = index[edge.To];
                if (!members.Contains(w)) continue;
                if (w == start)
                {
                    var path = new List<Edge> { edge };
                    for (int at = v; at != start; at = index[via[at].From]) path.Add(via[at]);
                    path.Reverse();
                    return path;
                }
                if (via.ContainsKey(w)) continue;
                via[w] = edge;
                queue.Enqueue(w);
            }
        }
        return [];
    }
}
