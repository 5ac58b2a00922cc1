using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Tests.Documents;

/// <summary>
/// The document model (diagnostics, completion, classification) and the fast similarity record reader read front matter
/// by one set of rules: on the edge cases below both see the same service, severity, id and title.
/// </summary>
public sealed class FrontMatterAgreementTests
{
    public static TheoryData<string, string, string?, string?, string?> Cases => new()
    {
        // name, text, expected service, severity, id
        { "plain", "---\nservice: payment-svc\nseverity: SEV1\nid: INC-1\n---\n# T\n", "payment-svc", "SEV1", "INC-1" },
        { "double-quoted with escapes", "---\nservice: \"pay \\\"svc\\\"\"\nseverity: \"SEV2\"\nid: 'INC-''2'''\n---\n# T\n", "pay \"svc\"", "SEV2", "INC-'2'" },
        { "comments", "---\n# owner: nobody\nservice: payment-svc   # the pay one\nseverity: SEV1 #x\nid: \"INC # 3\"  # quoted hash is text\n---\n# T\n", "payment-svc", "SEV1", "INC # 3" },
        { "CRLF", "---\r\nservice: payment-svc\r\nseverity: SEV3\r\nid: INC-4\r\n---\r\n# T\r\n", "payment-svc", "SEV3", "INC-4" },
        { "lone CR", "---\rservice: payment-svc\rseverity: SEV3\r---\r# T\r", "payment-svc", "SEV3", null },
        { "BOM", "\uFEFF---\nservice: payment-svc\nseverity: SEV4\nid: INC-5\n---\n# T\n", "payment-svc", "SEV4", "INC-5" },
        { "--- inside values", "---\nservice: \"---\"\nseverity: a --- b\nid: x---y\n---\n# T\n", "---", "a --- b", "x---y" },
        { "indented --- is content", "---\nservice: |\n  ---\n  svc\nseverity: SEV1\n---\n# T\n", "---\nsvc", "SEV1", null },
        { "continued plain scalar", "---\nservice: payment\n  svc\nseverity: SEV1\n---\n# T\n", "payment svc", "SEV1", null },
        { "folded block scalar", "---\nservice: >\n  payment\n  svc\nseverity: SEV1\n---\n# T\n", "payment svc", "SEV1", null },
        { "a list is not a scalar", "---\nservice: [a, b]\nseverity:\n  - SEV1\n---\n# T\n", null, null, null },
        { "unclosed is no front matter", "---\nservice: payment-svc\nseverity: SEV1\n", null, null, null },
        { "not at the top", "\n---\nservice: payment-svc\n---\n# T\n", null, null, null },
        { "dots close it", "---\nservice: payment-svc\n...\n# T\n", "payment-svc", null, null },
        { "apostrophe inside a word", "---\nservice: don't-page # note\n---\n# T\n", "don't-page", null, null },
        { "empty value", "---\nservice:\nseverity: \"\"\n---\n# T\n", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_document_model_and_the_record_reader_agree(string name, string text, string? service, string? severity, string? id)
    {
        var document = IncidentDocument.Parse(text, "/w/incidents/a.md");
        var record = IncidentRecordReader.Read(text, "/w/incidents/a.md", relativeId: "incidents/a.md");

        Assert.True(service == Scalar(document.FrontMatter, "service"), $"{name}: document service {Scalar(document.FrontMatter, "service")}");
        Assert.Equal(service, record.Service);
        Assert.Equal(severity, Scalar(document.FrontMatter, "severity"));
        Assert.Equal(severity, record.Severity);
        Assert.Equal(id, Scalar(document.FrontMatter, "id"));
        Assert.Equal(id ?? "incidents/a.md", record.Id);
    }

    [Fact]
    public void The_body_starts_after_the_closing_line_and_values_keep_exact_spans()
    {
        const string text = "\uFEFF---\r\nservice: \"pay svc\" # c\r\n---\r\n# Title\r\n";
        var fm = FrontMatterReader.Read(text, out var bodyStart);
        Assert.Equal("# Title\r\n", text[bodyStart..]);
        var entry = fm.Find("service")!;
        Assert.Equal("\"pay svc\"", text.Substring(entry.ValueSpan.Start, entry.ValueSpan.Length));
        Assert.Equal("service", text.Substring(entry.KeySpan.Start, entry.KeySpan.Length));
        Assert.Equal("Title", IncidentRecordReader.Read(text, null).Title);
        Assert.Equal("Title", IncidentDocument.Parse(text).Title);
    }

    private static string? Scalar(FrontMatter fm, string key) => fm.Find(key) is { Items.Count: 0, Value: { Length: > 0 } v } ? v : null;
}
