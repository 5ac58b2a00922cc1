using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class DocumentCheckerTests
{
    [Fact]
    public void Files_that_are_not_ours_get_nothing() =>
        Assert.Empty(DocumentChecker.Default.Check(IncidentDocument.Parse("# Notes\n[FILL IN]\n", "/w/README.md")));

    [Fact]
    public void Binary_files_get_one_unreadable_finding()
    {
        var findings = DocumentChecker.Default.Check(IncidentDocument.Parse(RepoPaths.Fixture("binary.md")));
        Assert.Equal("LT013", findings.Single().Code);
    }

    [Fact]
    public void Findings_come_sorted_by_position()
    {
        var findings = DocumentChecker.Default.Check(IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md")));
        Assert.Equal(findings.OrderBy(f => f.Span.Start).Select(f => f.Span.Start), findings.Select(f => f.Span.Start));
        Assert.Equal(["LT001", "LT002", "LT003", "LT004", "LT005", "LT006", "LT007", "LT008", "LT009", "LT010"], findings.Select(f => f.Code).Distinct().Order());
    }

    [Fact]
    public void Every_rule_code_is_unique() =>
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Code).Distinct().Count());
}
