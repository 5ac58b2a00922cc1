using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class PlaceholderCheckTests
{
    [Fact]
    public void Reports_each_placeholder_token_with_its_exact_range()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new PlaceholderCheck().Run(doc).ToList();

        Assert.Equal([(10, "[FILL IN]"), (17, "[FILL IN]")], CheckAssert.Where(doc, findings));
        Assert.All(findings, f => Assert.Equal(("LT001", FindingSeverity.Warning), (f.Code, f.Severity)));
        Assert.Contains("\"Summary\"", findings[0].Message);
    }

    [Fact]
    public void A_filled_document_has_none() =>
        Assert.Empty(new PlaceholderCheck().Run(IncidentDocument.Parse(RepoPaths.Fixture("postmortem-complete.md"))));
}
