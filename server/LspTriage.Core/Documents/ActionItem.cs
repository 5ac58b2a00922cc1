using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>A follow-up or action item list entry, with the priority (P0–P4) and owner it names, if any.</summary>
public sealed record ActionItem(TextSpan Span, string Text, string? Priority, TextSpan PrioritySpan, string? Owner, bool IsDone, int SectionIndex);
