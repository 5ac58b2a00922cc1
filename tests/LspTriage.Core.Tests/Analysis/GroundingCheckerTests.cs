using LspTriage.Core.Analysis.Grounding;

namespace LspTriage.Core.Tests.Analysis;

public sealed class GroundingCheckerTests
{
    [Fact]
    public void Flags_the_seeds_own_unsupported_claims()
    {
        var output = SeedContext.SeedOutput();
        var claims = GroundingChecker.Check(output, SeedContext.Raw);
        var texts = claims.Select(c => c.Text).ToList();
        Assert.Contains("thousands", texts);
        Assert.Contains("15 minutes", texts);
        Assert.Contains("v2.40", texts);
        Assert.Contains("'payment failed'", texts);
        Assert.Contains("80%", texts);
        Assert.Contains("1%", texts);
        // Every span points at the text it reports.
        Assert.All(claims, c => Assert.Equal(c.Text, output.Substring(c.Span.Start, c.Span.Length)));
    }

    [Fact]
    public void Accepts_the_seeds_supported_claims()
    {
        var output = SeedContext.SeedOutput();
        var flagged = GroundingChecker.Check(output, SeedContext.Raw).Select(c => c.Text).ToHashSet();
        foreach (var ok in new[] { "4.8s", "120ms", "12%", "v2.41", "13:50", "14:06", "500", "2.4s", "'*/30 * * * *'", "'too many clients already'" })
        {
            Assert.DoesNotContain(ok, flagged);
        }
    }

    [Theory]
    [InlineData("Latency reached 4.8 s.")]
    [InlineData("Latency reached 4800ms.")]
    [InlineData("Latency reached 4800 ms.")]
    [InlineData("Within about 3 min of the deploy.")]
    [InlineData("Errors began 12 minutes after the deploy.")]
    [InlineData("The alert fired 14 minutes after the deploy.")]
    [InlineData("Pool at 500 / 500.")]
    [InlineData("Ran at 14:02 UTC.")]
    [InlineData("Logs of the last 5 minutes.")]
    [InlineData("1. Check the pool.")]
    [InlineData("Run `kubectl logs --since=30m | head -20`.")]
    [InlineData("Severity SEV2, priority P0, p99 latency.")]
    public void Accepts_unit_and_format_variants_and_derived_gaps(string generated)
    {
        Assert.Empty(GroundingChecker.Check(generated, SeedContext.Raw));
    }

    [Theory]
    [InlineData("Latency reached 5.2s.", "5.2s")]
    [InlineData("Started at 13:45 UTC.", "13:45")]
    [InlineData("Roll back to v2.40.", "v2.40")]
    [InlineData("Users saw \"payment declined\".", "\"payment declined\"")]
    [InlineData("Affected hundreds of merchants.", "hundreds")]
    [InlineData("Errors lasted 15 minutes.", "15 minutes")]
    [InlineData("Error rate was 1%.", "1%")]
    [InlineData("About 2,000 orders failed.", "2,000")]
    [InlineData("影响了数千名用户", "数千")]
    [InlineData("错误率达到15%", "15%")]
    public void Flags_unsupported_numbers_times_versions_and_quotes(string generated, string expected)
    {
        var claim = Assert.Single(GroundingChecker.Check(generated, SeedContext.Raw));
        Assert.Equal(expected, claim.Text);
        Assert.Equal(expected, generated.Substring(claim.Span.Start, claim.Span.Length));
    }
}
