namespace Blueprint.Rendering.Text.Unicode;

// The paragraph rules of UAX #9 (P2 to I2), over one paragraph's characters (code points, not code units).
internal static partial class Bidi
{
    /// <summary>The deepest embedding level (BD2).</summary>
    private const int MaxDepth = 125;

    /// <summary>The bracket stack of BD16 holds 63 openings.</summary>
    private const int MaxOpenBrackets = 63;

    /// <summary>An isolating run sequence (BD13): its characters' positions in order, start and end of sequence types and level.</summary>
    private readonly record struct RunSequence(int[] Positions, BidiClass Sos, BidiClass Eos, byte Level);

    /// <summary>A directional status stack entry (X1).</summary>
    private record struct DirectionalStatus(byte Level, BidiClass Override, bool Isolate);

    /// <summary>
    /// The resolved level of each character; characters removed by X9 get the level of the preceding character, or
    /// the paragraph level. <paramref name="codePoints"/> are for bracket pairs (N0); empty when there are none.
    /// </summary>
    private static byte[] ResolveLevels(ReadOnlySpan<BidiClass> original, ReadOnlySpan<int> codePoints, BidiDirection direction, out byte paragraphLevel)
    {
        int[] partner = MatchIsolates(original);
        paragraphLevel = direction switch
        {
            BidiDirection.LeftToRight => 0,
            BidiDirection.RightToLeft => 1,
            _ => FirstStrong(original, 0, original.Length) == BidiClass.R ? (byte)1 : (byte)0,
        };
        var types = original.ToArray();
        var levels = new byte[original.Length];
        ResolveExplicit(original, partner, paragraphLevel, types, levels);

        // Each sequence resolves a copy of its types: N0 still needs to know which were NSMs before W1.
        foreach (var sequence in RunSequences(original, partner, levels, paragraphLevel))
        {
            var resolved = ResolveWeak(sequence, types);
            if (!codePoints.IsEmpty) ResolveBrackets(sequence, resolved, types, codePoints);
            ResolveNeutrals(sequence, resolved);
            for (int k = 0; k < resolved.Length; k++)
                levels[sequence.Positions[k]] = ImplicitLevel(levels[sequence.Positions[k]], resolved[k]);
        }

        // Removed characters join the preceding character's run.
        for (int i = 0; i < levels.Length; i++)
            if (IsRemovedByX9(original[i])) levels[i] = i == 0 ? paragraphLevel : levels[i - 1];
        return levels;
    }

    /// <summary>For each isolate initiator its matching PDI and for each PDI its initiator (BD9), else -1.</summary>
    private static int[] MatchIsolates(ReadOnlySpan<BidiClass> classes)
    {
        var partner = new int[classes.Length];
        Array.Fill(partner, -1);
        var open = new Stack<int>();
        for (int i = 0; i < classes.Length; i++)
        {
            if (IsIsolateInitiator(classes[i])) open.Push(i);
            else if (classes[i] == BidiClass.PDI && open.TryPop(out int initiator)) (partner[initiator], partner[i]) = (i, initiator);
            else if (classes[i] == BidiClass.B) open.Clear();
        }
        return partner;
    }

    /// <summary>
    /// The first strong direction in classes[start..end), skipping isolates (P2): L, R (for R and AL), or ON for none.
    /// It stops at a paragraph separator.
    /// </summary>
    private static BidiClass FirstStrong(ReadOnlySpan<BidiClass> classes, int start, int end)
    {
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            switch (classes[i])
            {
                case BidiClass.L when depth == 0: return BidiClass.L;
                case BidiClass.R or BidiClass.AL when depth == 0: return BidiClass.R;
                case BidiClass.LRI or BidiClass.RLI or BidiClass.FSI: depth++; break;
                case BidiClass.PDI when depth > 0: depth--; break;
                case BidiClass.B: return BidiClass.ON;
            }
        }
        return BidiClass.ON;
    }

    /// <summary>X1–X8: explicit levels, and the override direction of overridden characters in <paramref name="types"/>.</summary>
    private static void ResolveExplicit(ReadOnlySpan<BidiClass> original, int[] partner, byte paragraphLevel, BidiClass[] types, byte[] levels)
    {
        var stack = new DirectionalStatus[MaxDepth + 2];
        int depth = 0, overflowIsolates = 0, overflowEmbeddings = 0, validIsolates = 0;
        stack[depth++] = new DirectionalStatus(paragraphLevel, BidiClass.ON, false);
        for (int i = 0; i < original.Length; i++)
        {
            var current = original[i];
            switch (current)
            {
                case BidiClass.RLE or BidiClass.LRE or BidiClass.RLO or BidiClass.LRO:
                    {
                        // X2–X5: removed by X9 later, so its own level does not matter.
                        levels[i] = stack[depth - 1].Level;
                        byte next = NextLevel(stack[depth - 1].Level, current is BidiClass.RLE or BidiClass.RLO);
                        if (next <= MaxDepth && overflowIsolates == 0 && overflowEmbeddings == 0)
                        {
                            var direction = current switch { BidiClass.RLO => BidiClass.R, BidiClass.LRO => BidiClass.L, _ => BidiClass.ON };
                            stack[depth++] = new DirectionalStatus(next, direction, false);
                        }
                        else if (overflowIsolates == 0) overflowEmbeddings++;
                        break;
                    }
                case BidiClass.RLI or BidiClass.LRI or BidiClass.FSI:
                    {
                        // X5a–X5c: the initiator itself is at the outer level.
                        SetOuterLevel(i, stack[depth - 1], types, levels);
                        bool rightToLeft = current == BidiClass.RLI
                            || (current == BidiClass.FSI && FirstStrong(original, i + 1, partner[i] >= 0 ? partner[i] : original.Length) == BidiClass.R);
                        byte next = NextLevel(stack[depth - 1].Level, rightToLeft);
                        if (next <= MaxDepth && overflowIsolates == 0 && overflowEmbeddings == 0)
                        {
                            validIsolates++;
                            stack[depth++] = new DirectionalStatus(next, BidiClass.ON, true);
                        }
                        else overflowIsolates++;
                        break;
                    }
                case BidiClass.PDI:
                    // X6a: close the isolate and every embedding opened in it.
                    if (overflowIsolates > 0) overflowIsolates--;
                    else if (validIsolates > 0)
                    {
                        overflowEmbeddings = 0;
                        while (!stack[depth - 1].Isolate) depth--;
                        depth--;
                        validIsolates--;
                    }
                    SetOuterLevel(i, stack[depth - 1], types, levels);
                    break;
                case BidiClass.PDF:
                    // X7: a PDF never closes an isolate.
                    if (overflowIsolates > 0) { }
                    else if (overflowEmbeddings > 0) overflowEmbeddings--;
                    else if (!stack[depth - 1].Isolate && depth >= 2) depth--;
                    levels[i] = stack[depth - 1].Level;
                    break;
                case BidiClass.B:
                    // X8: a paragraph separator ends every embedding and isolate.
                    levels[i] = paragraphLevel;
                    depth = 1;
                    overflowIsolates = overflowEmbeddings = validIsolates = 0;
                    break;
                case BidiClass.BN:
                    levels[i] = stack[depth - 1].Level;
                    break;
                default:
                    // X6.
                    SetOuterLevel(i, stack[depth - 1], types, levels);
                    break;
            }
        }
    }

    /// <summary>The level of the entry, and its override direction if any (X5a–X6).</summary>
    private static void SetOuterLevel(int i, DirectionalStatus status, BidiClass[] types, byte[] levels)
    {
        levels[i] = status.Level;
        if (status.Override != BidiClass.ON) types[i] = status.Override;
    }

    /// <summary>The least odd (RTL) or even (LTR) level greater than <paramref name="level"/>.</summary>
    private static byte NextLevel(byte level, bool rightToLeft) =>
        (byte)(rightToLeft ? (level + 1) | 1 : (level + 2) & ~1);

    /// <summary>X10 and BD13: the level runs of the characters X9 keeps, joined across isolates into sequences.</summary>
    private static List<RunSequence> RunSequences(ReadOnlySpan<BidiClass> original, int[] partner, byte[] levels, byte paragraphLevel)
    {
        var kept = new List<int>(original.Length);
        for (int i = 0; i < original.Length; i++)
            if (!IsRemovedByX9(original[i])) kept.Add(i);

        // Level runs as ranges of kept, and the run of each kept character.
        var runs = new List<(int From, int To)>();
        var runOf = new int[original.Length];
        for (int k = 0; k < kept.Count; k++)
        {
            if (k == 0 || levels[kept[k]] != levels[kept[k - 1]]) runs.Add((k, k));
            runs[^1] = (runs[^1].From, k + 1);
            runOf[kept[k]] = runs.Count - 1;
        }

        var sequences = new List<RunSequence>();
        var positions = new List<int>();
        foreach (var firstRun in runs)
        {
            // A run that starts with a matched PDI continues its initiator's sequence.
            int first = kept[firstRun.From];
            if (original[first] == BidiClass.PDI && partner[first] >= 0) continue;
            positions.Clear();
            var run = firstRun;
            while (true)
            {
                for (int k = run.From; k < run.To; k++) positions.Add(kept[k]);
                int last = kept[run.To - 1];
                if (!IsIsolateInitiator(original[last]) || partner[last] < 0) break;
                run = runs[runOf[partner[last]]];
            }

            // sos and eos: the higher of the sequence's level and its neighbours' (X10).
            byte level = levels[first];
            byte before = firstRun.From > 0 ? levels[kept[firstRun.From - 1]] : paragraphLevel;
            int lastPosition = positions[^1];
            byte after = IsIsolateInitiator(original[lastPosition]) || run.To == kept.Count ? paragraphLevel : levels[kept[run.To]];
            sequences.Add(new RunSequence([.. positions], DirectionOf(Math.Max(before, level)), DirectionOf(Math.Max(after, level)), level));
        }
        return sequences;
    }

    /// <summary>W1–W7: the sequence's types with weak types resolved.</summary>
    private static BidiClass[] ResolveWeak(RunSequence sequence, BidiClass[] types)
    {
        int n = sequence.Positions.Length;
        var t = new BidiClass[n];
        for (int k = 0; k < n; k++) t[k] = types[sequence.Positions[k]];

        // W1: a mark takes its predecessor's type, but after an isolate boundary it is a neutral.
        for (int k = 0; k < n; k++)
            if (t[k] == BidiClass.NSM) t[k] = k == 0 ? sequence.Sos : IsIsolateControl(t[k - 1]) ? BidiClass.ON : t[k - 1];

        // W2: European digits after Arabic letters are Arabic numbers.
        var strong = sequence.Sos;
        for (int k = 0; k < n; k++)
        {
            if (t[k] is BidiClass.L or BidiClass.R or BidiClass.AL) strong = t[k];
            else if (t[k] == BidiClass.EN && strong == BidiClass.AL) t[k] = BidiClass.AN;
        }

        // W3.
        for (int k = 0; k < n; k++)
            if (t[k] == BidiClass.AL) t[k] = BidiClass.R;

        // W4: one separator between two numbers of a kind joins them.
        for (int k = 1; k < n - 1; k++)
        {
            if (t[k] == BidiClass.ES && t[k - 1] == BidiClass.EN && t[k + 1] == BidiClass.EN) t[k] = BidiClass.EN;
            else if (t[k] == BidiClass.CS && t[k - 1] == t[k + 1] && t[k - 1] is BidiClass.EN or BidiClass.AN) t[k] = t[k - 1];
        }

        // W5: terminators next to European digits are European digits.
        for (int k = 0; k < n; k++)
        {
            if (t[k] != BidiClass.ET) continue;
            int end = k;
            while (end < n && t[end] == BidiClass.ET) end++;
            if ((k > 0 && t[k - 1] == BidiClass.EN) || (end < n && t[end] == BidiClass.EN)) t.AsSpan(k, end - k).Fill(BidiClass.EN);
            k = end - 1;
        }

        // W6.
        for (int k = 0; k < n; k++)
            if (t[k] is BidiClass.ES or BidiClass.ET or BidiClass.CS) t[k] = BidiClass.ON;

        // W7: European digits in left-to-right context are left-to-right.
        strong = sequence.Sos;
        for (int k = 0; k < n; k++)
        {
            if (t[k] is BidiClass.L or BidiClass.R) strong = t[k];
            else if (t[k] == BidiClass.EN && strong == BidiClass.L) t[k] = BidiClass.L;
        }
        return t;
    }

    /// <summary>N0: bracket pairs take the direction of what they enclose, or of their context.</summary>
    private static void ResolveBrackets(RunSequence sequence, BidiClass[] t, BidiClass[] explicitTypes, ReadOnlySpan<int> codePoints)
    {
        var embedding = DirectionOf(sequence.Level);
        var opposite = embedding == BidiClass.L ? BidiClass.R : BidiClass.L;
        foreach (var (open, close) in BracketPairs(sequence, t, codePoints))
        {
            bool hasEmbedding = false, hasOpposite = false;
            for (int k = open + 1; k < close; k++)
            {
                var direction = StrongForNeutrals(t[k]);
                hasEmbedding |= direction == embedding;
                hasOpposite |= direction == opposite;
            }
            BidiClass resolved;
            if (hasEmbedding) resolved = embedding;
            else if (hasOpposite) resolved = ContextBefore(t, open, sequence.Sos) == opposite ? opposite : embedding;
            else continue;
            SetBracket(sequence, t, explicitTypes, open, resolved);
            SetBracket(sequence, t, explicitTypes, close, resolved);
        }
    }

    /// <summary>The first strong direction before position k of the sequence (EN and AN as R), or sos.</summary>
    private static BidiClass ContextBefore(BidiClass[] t, int k, BidiClass sos)
    {
        for (int j = k - 1; j >= 0; j--)
            if (StrongForNeutrals(t[j]) is var direction and not BidiClass.ON) return direction;
        return sos;
    }

    /// <summary>Gives a bracket its direction, and the marks that followed it originally too.</summary>
    private static void SetBracket(RunSequence sequence, BidiClass[] t, BidiClass[] explicitTypes, int k, BidiClass direction)
    {
        t[k] = direction;
        for (int j = k + 1; j < t.Length && explicitTypes[sequence.Positions[j]] == BidiClass.NSM; j++) t[j] = direction;
    }

    /// <summary>BD16: the sequence's bracket pairs (positions in it), by opening bracket.</summary>
    private static List<(int Open, int Close)> BracketPairs(RunSequence sequence, BidiClass[] t, ReadOnlySpan<int> codePoints)
    {
        var pairs = new List<(int Open, int Close)>();
        Span<(int Closing, int Position)> openings = stackalloc (int, int)[MaxOpenBrackets];
        int count = 0;
        for (int k = 0; k < t.Length; k++)
        {
            // Only brackets still neutral pair up: an overridden one is a letter.
            if (t[k] != BidiClass.ON) continue;
            int codePoint = codePoints[sequence.Positions[k]];
            var type = BidiData.GetBracketType(codePoint);
            if (type == BracketType.Open)
            {
                if (count == MaxOpenBrackets) break;
                openings[count++] = (BidiData.CanonicalBracket(BidiData.GetPairedBracket(codePoint)), k);
            }
            else if (type == BracketType.Close)
            {
                int closing = BidiData.CanonicalBracket(codePoint);
                for (int s = count - 1; s >= 0; s--)
                {
                    if (openings[s].Closing != closing) continue;
                    pairs.Add((openings[s].Position, k));
                    count = s;
                    break;
                }
            }
        }
        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        return pairs;
    }

    /// <summary>N1, N2: runs of neutrals take the direction around them if both sides agree, else the embedding's.</summary>
    private static void ResolveNeutrals(RunSequence sequence, BidiClass[] t)
    {
        var embedding = DirectionOf(sequence.Level);
        for (int k = 0; k < t.Length; k++)
        {
            if (!IsNeutralOrIsolate(t[k])) continue;
            int end = k;
            while (end < t.Length && IsNeutralOrIsolate(t[end])) end++;
            var before = k == 0 ? sequence.Sos : StrongForNeutrals(t[k - 1]);
            var after = end == t.Length ? sequence.Eos : StrongForNeutrals(t[end]);
            t.AsSpan(k, end - k).Fill(before == after ? before : embedding);
            k = end - 1;
        }
    }

    /// <summary>I1, I2.</summary>
    private static byte ImplicitLevel(byte level, BidiClass type) =>
        (level & 1) == 0
            ? type switch { BidiClass.R => (byte)(level + 1), BidiClass.AN or BidiClass.EN => (byte)(level + 2), _ => level }
            : type is BidiClass.L or BidiClass.EN or BidiClass.AN ? (byte)(level + 1) : level;

    /// <summary>The direction of strong and number types for N0–N2 (numbers count as R), ON for the rest.</summary>
    private static BidiClass StrongForNeutrals(BidiClass type) => type switch
    {
        BidiClass.L => BidiClass.L,
        BidiClass.R or BidiClass.EN or BidiClass.AN => BidiClass.R,
        _ => BidiClass.ON,
    };

    private static BidiClass DirectionOf(byte level) => (level & 1) == 0 ? BidiClass.L : BidiClass.R;

    private static bool IsNeutralOrIsolate(BidiClass type) =>
        type is BidiClass.B or BidiClass.S or BidiClass.WS or BidiClass.ON || IsIsolateControl(type);

    private static bool IsIsolateInitiator(BidiClass type) => type is BidiClass.LRI or BidiClass.RLI or BidiClass.FSI;

    private static bool IsIsolateControl(BidiClass type) => IsIsolateInitiator(type) || type == BidiClass.PDI;

    /// <summary>Embedding, override and isolate controls.</summary>
    private static bool IsExplicit(BidiClass type) =>
        type is BidiClass.LRE or BidiClass.RLE or BidiClass.LRO or BidiClass.RLO or BidiClass.PDF || IsIsolateControl(type);

    /// <summary>X9: embedding and override controls and boundary neutrals take no part after the explicit rules.</summary>
    private static bool IsRemovedByX9(BidiClass type) =>
        type is BidiClass.LRE or BidiClass.RLE or BidiClass.LRO or BidiClass.RLO or BidiClass.PDF or BidiClass.BN;
}
