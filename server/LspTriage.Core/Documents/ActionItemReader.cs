namespace LspTriage.Core.Documents;

/// <summary>Reads the top-level list items of action-item and follow-up sections.</summary>
internal static class ActionItemReader
{
    public static List<ActionItem> Read(Text.LineMap lines, IReadOnlyList<Section> sections, IReadOnlyList<GeneratedBlock> blocks, IReadOnlyList<ListItemInfo> items)
    {
        var result = new List<ActionItem>();
        foreach (var (item, sectionIndex) in SectionLookup.ItemsIn(sections, blocks, items, SectionKind.ActionItems, SectionKind.FollowUps))
        {
            var (text, start, isChecked) = ListItemText.FirstLine(lines, item.Span);
            var (priority, priorityIndex, owner) = ActionItemParser.Parse(text);
            var prioritySpan = priorityIndex >= 0 ? new Text.TextSpan(start + priorityIndex, 2) : default;
            result.Add(new ActionItem(item.Span, text, priority, prioritySpan, owner, isChecked, sectionIndex));
        }
        return result;
    }
}
