using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class FrontMatterChecksTests
{
    [Fact]
    public void Unknown_severity_is_an_error_on_the_value()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new SeverityCheck().Run(doc).ToList();

        Assert.Equal([(4, "critical")], CheckAssert.Where(doc, findings));
        Assert.Equal(FindingSeverity.Error, findings[0].Severity);
    }

    [Theory]
    [InlineData("SEV1", true)]
    [InlineData("sev5", true)]
    [InlineData("SEV6", false)]
    [InlineData("P1", false)]
    public void Severity_values(string value, bool known) => Assert.Equal(known, SeverityCheck.IsKnown(value));

    [Fact]
    public void Unreadable_created_date_is_an_error_on_the_value()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        Assert.Equal([(3, "yesterday")], CheckAssert.Where(doc, new CreatedDateCheck().Run(doc)));
    }

    [Theory]
    [InlineData("2026-06-02")]
    [InlineData("2026-06-02T23:35:28Z")]
    [InlineData("2026-06-02T23:35:28.123+08:00")]
    [InlineData("2026-06-02 14:02 UTC")]
    public void Readable_created_dates(string value) => Assert.True(CreatedDate.TryParse(value, out _));

    [Fact]
    public void A_placeholder_value_is_not_also_a_format_error() =>
        Assert.Empty(CheckAssert.Run(new CreatedDateCheck(), "---\ncreated: [FILL IN]\n---\n# T\n"));
}
