using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// The block structure Markdig finds: headings, prose regions (non-code leaf blocks) and list items, as source spans.
/// Inline parsing is reduced to literals: we read inline text from the source ourselves, so building link and emphasis
/// trees would only cost time.
/// </summary>
internal sealed class MarkdownStructure
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    public List<HeadingInfo> Headings { get; } = [];

    public List<TextSpan> ProseSpans { get; } = [];

    public List<ListItemInfo> ListItems { get; } = [];

    /// <summary>Paragraphs directly in the document (not in lists or quotes): where field lines and tables are read.</summary>
    public List<TextSpan> TopLevelParagraphs { get; } = [];

    public static MarkdownStructure Read(string text)
    {
        var structure = new MarkdownStructure();
        var document = Markdown.Parse(text, Pipeline);
        structure.Visit(document, text, listDepth: 0);
        return structure;
    }

    private void Visit(ContainerBlock container, string text, int listDepth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    break;
                case HeadingBlock heading:
                    Headings.Add(new HeadingInfo(heading.Level, Clamp(heading.Span, text), heading.Line, heading.IsSetext));
                    ProseSpans.Add(Clamp(heading.Span, text));
                    break;
                case ListItemBlock item:
                    ListItems.Add(new ListItemInfo(Clamp(item.Span, text), listDepth));
                    Visit(item, text, listDepth + 1);
                    break;
                case ListBlock list:
                    Visit(list, text, listDepth);
                    break;
                case ContainerBlock inner:
                    Visit(inner, text, listDepth);
                    break;
                case CodeBlock or HtmlBlock:
                    break;
                case LeafBlock leaf:
                    ProseSpans.Add(Clamp(leaf.Span, text));
                    if (leaf is ParagraphBlock && container is MarkdownDocument)
                    {
                        TopLevelParagraphs.Add(Clamp(leaf.Span, text));
                    }
                    break;
            }
        }
    }

    private static TextSpan Clamp(SourceSpan span, string text)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End + 1, start, text.Length);
        return TextSpan.FromBounds(start, end);
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseYamlFrontMatter();
        builder.InlineParsers.RemoveAll(p => p is not LiteralInlineParser);
        return builder.Build();
    }
}

internal readonly record struct HeadingInfo(int Level, TextSpan Span, int Line, bool IsSetext)
{
    /// <summary>Field lines (<c>**Summary:** text</c>) nest under every heading: they sit one level below the deepest.</summary>
    public const int FieldLevel = 7;

    /// <summary>For a field line, its label; empty for headings.</summary>
    public TextSpan FieldLabel { get; init; }

    /// <summary>For a field line, where its value starts (on the same line, after the label).</summary>
    public int FieldContentStart { get; init; }

    public bool IsField => FieldLabel.Length > 0;
}

internal readonly record struct ListItemInfo(TextSpan Span, int Depth);
