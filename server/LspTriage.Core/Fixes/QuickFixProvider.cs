using System.Globalization;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Fixes;

/// <summary>The fixes we can make without judgement, per finding code. Others (placeholders) are drafted by the analysis.</summary>
public static class QuickFixProvider
{
    public static IReadOnlyList<QuickFix> For(IncidentDocument document, Finding finding) => finding.Code switch
    {
        "LT002" when Enum.TryParse<SectionKind>(finding.Data, out var kind) => [MissingSectionFix.Create(document, kind)],
        "LT003" when int.TryParse(finding.Data, CultureInfo.InvariantCulture, out var index) && index < document.Sections.Count
            => [FillEmptySection(document, document.Sections[index])],
        "LT006" => [AddOwner(document, finding)],
        "LT007" => AddPriority(document, finding),
        "LT009" => ReplaceSeverity(document, finding),
        "LT031" => [new QuickFix("Replace with [FILL IN] and describe the condition that made it possible", [new TextEdit(document.RangeOf(finding.Span), "[FILL IN]")])],
        "LT032" when document.Sections.FirstOrDefault(s => s.HeadingSpan == finding.Span) is { } impact => [AddImpactNumbers(document, impact)],
        "LT033" when finding.Data == VagueActionItemCheck.UntrackedData => AddTracking(document, finding),
        _ => [],
    };

    /// <summary>Placeholders for the numbers an impact section lacks, after its last line, so LT001 keeps asking until filled.</summary>
    private static QuickFix AddImpactNumbers(IncidentDocument document, Section section)
    {
        var nl = document.NewLine;
        var chinese = RequiredSections.IsChinese(document);
        var line = chinese ? "影响规模：[待填写] 名用户 / 请求，持续 [待填写] 分钟" : "Affected: [FILL IN] users / requests over [FILL IN] minutes";
        return new QuickFix(chinese ? "补充影响数字（[待填写] 占位）" : "Add placeholders for the numbers (users, duration)",
            [new TextEdit(TextRange.Empty(EndOfText(document, section.ContentSpan)), $"{nl}{nl}{line}")], IsPreferred: true);
    }

    /// <summary>A due date and a ticket to fill: the Ticket cell of a table row, else the end of the item's line.</summary>
    private static IReadOnlyList<QuickFix> AddTracking(IncidentDocument document, Finding finding)
    {
        var row = TableRowAt(document, finding);
        if (row?.Cells?.Ticket is { } ticket)
        {
            return [new QuickFix("Add a ticket placeholder ([FILL IN])", [FillCell(document, ticket, "[FILL IN]")], IsPreferred: true)];
        }
        if (row is not null)
        {
            return [];
        }
        return [new QuickFix("Add due date and ticket placeholders", [new TextEdit(TextRange.Empty(EndOfText(document, finding.Span)), " (due [FILL IN], ticket [FILL IN])")], IsPreferred: true)];
    }

    private static QuickFix FillEmptySection(IncidentDocument document, Section section)
    {
        var at = document.RangeOf(new TextSpan(section.ContentSpan.Start, 0));
        var nl = document.NewLine;
        var prefix = section.ContentSpan.Start == document.Text.Length && !document.Text.EndsWith('\n') ? nl + nl : nl;
        return new QuickFix($"Add a [FILL IN] placeholder to \"{section.Heading}\"", [new TextEdit(TextRange.Empty(at.Start), $"{prefix}[FILL IN]{nl}")], IsPreferred: true);
    }

    private static QuickFix AddOwner(IncidentDocument document, Finding finding)
    {
        if (TableRowAt(document, finding)?.Cells?.Owner is { } cell)
        {
            return new QuickFix("Add an owner placeholder ([FILL IN])", [FillCell(document, cell, "[FILL IN]")], IsPreferred: true);
        }
        return new QuickFix("Add an owner placeholder (— [FILL IN])", [new TextEdit(TextRange.Empty(EndOfText(document, finding.Span)), " — [FILL IN]")], IsPreferred: true);
    }

    /// <summary>Where the text of a span ends, before its trailing blank lines and spaces: where an appended word belongs.</summary>
    private static Position EndOfText(IncidentDocument document, TextSpan span) =>
        document.RangeOf(new TextSpan(span.Start + document.TextOf(span).TrimEnd().Length, 0)).Start;

    private static IReadOnlyList<QuickFix> AddPriority(IncidentDocument document, Finding finding)
    {
        if (TableRowAt(document, finding)?.Cells?.Priority is { } cell)
        {
            return Priorities.Select(p => new QuickFix($"Set priority {p}", [FillCell(document, cell, p)])).ToArray();
        }
        var at = document.RangeOf(new TextSpan(finding.Span.Start, 0)).Start;
        return Priorities
            .Select(p => new QuickFix($"Set priority {p}", [new TextEdit(TextRange.Empty(at), $"**{p}** ")]))
            .ToArray();
    }

    private static readonly string[] Priorities = ["P0", "P1", "P2", "P3", "P4"];

    private static ActionItem? TableRowAt(IncidentDocument document, Finding finding) =>
        document.ActionItems.FirstOrDefault(a => a.Cells is not null && a.Span.Contains(finding.Span.Start));

    /// <summary>Writes a value into a table cell, keeping one space on each side so the row stays readable.</summary>
    private static TextEdit FillCell(IncidentDocument document, TextSpan cell, string value) =>
        new(document.RangeOf(cell), $" {value} ");

    private static IReadOnlyList<QuickFix> ReplaceSeverity(IncidentDocument document, Finding finding)
    {
        var range = document.RangeOf(finding.Span);
        return Enumerable.Range(1, 5)
            .Select(n => new QuickFix($"Change severity to SEV{n}", [new TextEdit(range, $"SEV{n}")]))
            .ToArray();
    }
}
