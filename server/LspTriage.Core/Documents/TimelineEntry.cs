using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>A list item of a timeline section. <see cref="Time"/> is null when its leading time cannot be read.</summary>
public sealed record TimelineEntry(TextSpan Span, string Text, TimelineTime? Time, TextSpan TimeSpan, string Description, int SectionIndex)
{
    /// <summary>True when the entry starts with a placeholder rather than a time (a draft line such as "[FILL IN] Mitigation").</summary>
    public bool IsPlaceholder { get; init; }
}
