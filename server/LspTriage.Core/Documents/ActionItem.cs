using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>A follow-up or action item list entry, with the priority (P0–P4) and owner it names, if any.</summary>
public sealed record ActionItem(TextSpan Span, string Text, string? Priority, TextSpan PrioritySpan, string? Owner, bool IsDone, int SectionIndex)
{
    /// <summary>For a row of an action-item table, its cells; null for list items.</summary>
    public ActionItemCells? Cells { get; init; }
}

/// <summary>
/// The cells of a table row that fixes edit, as the spans between the pipes (blanks included). A column the table
/// does not have is null: an empty Priority cell is a finding, a table without a Priority column is not.
/// </summary>
public sealed record ActionItemCells(TextSpan? Owner, TextSpan? Priority, TextSpan? Ticket);
