namespace Blueprint.Layout;

/// <summary>Interval partitioning: spreads segments sharing a gutter over parallel tracks so that none overlap.</summary>
internal static class Tracks
{
    /// <summary>
    /// Gives each closed interval the lowest track free over its whole span (intervals that touch count as
    /// overlapping). Returns the number of tracks used. O(n log n), stable for equal inputs.
    /// </summary>
    public static int Assign(IReadOnlyList<(double Start, double End)> spans, int[] track)
    {
        const double eps = 0.01;
        var order = new int[spans.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = spans[a].Start.CompareTo(spans[b].Start);
            if (c == 0) c = spans[a].End.CompareTo(spans[b].End);
            return c != 0 ? c : a.CompareTo(b);
        });
        var active = new PriorityQueue<int, (double End, int Track)>();
        var free = new SortedSet<int>();
        int count = 0;
        foreach (int i in order)
        {
            var (start, end) = spans[i];
            while (active.TryPeek(out int t, out var key) && key.End < start - eps)
            {
                active.Dequeue();
                free.Add(t);
            }
            int chosen;
            if (free.Count > 0) { chosen = free.Min; free.Remove(chosen); }
            else chosen = count++;
            track[i] = chosen;
            active.Enqueue(chosen, (Math.Max(start, end), chosen));
        }
        return count;
    }
}
