namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// A short statement of the raw context: a line, or a sentence or list item within a long line.
/// <see cref="Text"/> is always the verbatim substring at <see cref="Start"/>, so it can be quoted as evidence.
/// </summary>
public sealed record ContextClause(int Index, int Start, string Text)
{
    public int End => Start + Text.Length;

    /// <summary>Minutes since midnight of the first time of day in the clause, if any.</summary>
    public int? Minute { get; init; }

    /// <summary>The time as written (e.g. <c>14:02</c>), if any.</summary>
    public string? TimeText { get; init; }

    public FactSource Source { get; init; } = FactSource.Prose;

    /// <summary>How many identical lines (apart from their timestamps) this clause stands for; the others were folded into it.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The time of the last folded repeat, when it differs from <see cref="TimeText"/>.</summary>
    public string? LastTimeText { get; init; }

    public Relevance Relevance { get; init; } = Relevance.Neutral;
}
