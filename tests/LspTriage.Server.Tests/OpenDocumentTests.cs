using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Tests;

/// <summary>Completion right after a keystroke reuses the last parse instead of parsing the new version.</summary>
public sealed class OpenDocumentTests
{
    private const string Text = "---\nkind: postmortem\n---\n# PM\n\n## Summary\nx\n\n## Action items\n- Add alert — \n";

    private static OpenDocument Typed(OpenDocument document, int version, int line, int character, string text) =>
        document.WithChanges(version, [(new TextRange(new Position(line, character), new Position(line, character)), text)]);

    [Fact]
    public void Edits_inside_one_line_reuse_the_last_parse_for_that_line_only()
    {
        var parsed = new OpenDocument("file:///w/postmortems/pm.md", 1, Text, DocumentOptions.Default);
        var sections = parsed.Parsed.Sections;

        var typed = Typed(Typed(parsed, 2, 9, 14, "@"), 3, 9, 15, "d");
        var reused = typed.ForCompletion(9);
        Assert.Same(sections, reused.Sections);
        Assert.Equal(typed.Text, reused.Text);
        Assert.Equal("- Add alert — @d", reused.Lines.LineText(9));

        // Another line, the front matter, or a new line: the new version is parsed.
        Assert.NotSame(sections, typed.ForCompletion(6).Sections);
        Assert.NotSame(sections, Typed(parsed, 2, 1, 4, "x").ForCompletion(1).Sections);
        Assert.NotSame(sections, Typed(parsed, 2, 9, 14, "\n- ").ForCompletion(10).Sections);
        Assert.NotSame(sections, Typed(Typed(parsed, 2, 9, 14, "@"), 3, 6, 1, "y").ForCompletion(9).Sections);
    }
}
