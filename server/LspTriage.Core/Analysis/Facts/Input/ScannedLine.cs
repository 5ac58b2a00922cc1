namespace LspTriage.Core.Analysis.Facts;

/// <summary>One line of the raw context with what printed it and, for table rows and describe blocks, what it is about.</summary>
internal sealed class ScannedLine(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public FactSource Source { get; set; } = FactSource.Prose;

    /// <summary>Known noise: column headers, mounted service-account volumes, tolerations, stack frames, shell prompts.</summary>
    public bool IsBoilerplate { get; set; }

    /// <summary>The pod or object a table row, event or describe block is about.</summary>
    public string? Owner { get; set; }

    public string? Namespace { get; set; }

    /// <summary>Table rows: cells by column header (<c>STATUS</c> → <c>CrashLoopBackOff</c>).</summary>
    public IReadOnlyDictionary<string, string>? Cells { get; set; }
}

/// <summary>The scanned lines, found by a clause's position.</summary>
internal sealed class ScannedLines(IReadOnlyList<ScannedLine> lines)
{
    public IReadOnlyList<ScannedLine> All { get; } = lines;

    public ScannedLine Of(ContextClause clause) => Of(clause.Start);

    public ScannedLine Of(int position)
    {
        int lo = 0, hi = All.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (All[mid].Start <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return All[lo];
    }
}
