using LspTriage.Core.Documents.Templates;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// An immutable, parsed incident or postmortem file. Built once per document version and shared by every request
/// that reads that version. <see cref="Parse"/> never throws: what it cannot read becomes a <see cref="ParseProblem"/>.
/// </summary>
public sealed class IncidentDocument
{
    internal IncidentDocument(
        string text,
        LineMap lines,
        string? path,
        DocumentKind kind,
        FrontMatter frontMatter,
        string? title,
        TextSpan titleSpan,
        IReadOnlyList<Section> sections,
        IReadOnlyList<Placeholder> placeholders,
        IReadOnlyList<TimelineEntry> timeline,
        IReadOnlyList<ActionItem> actionItems,
        IReadOnlyList<GeneratedBlock> generatedBlocks,
        IReadOnlyList<ParseProblem> problems)
    {
        Text = text;
        Lines = lines;
        Path = path;
        Kind = kind;
        FrontMatter = frontMatter;
        Title = title;
        TitleSpan = titleSpan;
        Sections = sections;
        Placeholders = placeholders;
        Timeline = timeline;
        ActionItems = actionItems;
        GeneratedBlocks = generatedBlocks;
        Problems = problems;
    }

    public string Text { get; }

    public LineMap Lines { get; }

    /// <summary>
    /// This document's structure over a newer text that differs from it on one line only (the line count unchanged),
    /// for completion right after a keystroke: the 20,000-line parse is what made completion slow, and a keystroke
    /// inside a line moves no section or entry of the lines before it. Spans after the edited line are off by the
    /// length the line changed; callers read only the edited line and structure (kinds, order, what is before it).
    /// </summary>
    public IncidentDocument WithEditedLine(string text) =>
        new(text, new LineMap(text), Path, Kind, FrontMatter, Title, TitleSpan, Sections, Placeholders, Timeline, ActionItems, GeneratedBlocks, Problems)
        {
            Template = Template,
            DisabledRules = DisabledRules,
            RequiredSections = RequiredSections,
        };

    /// <summary>File system path or URI path the document was opened from, if known; used for classification only.</summary>
    public string? Path { get; }

    public DocumentKind Kind { get; }

    public FrontMatter FrontMatter { get; }

    /// <summary>The first level-1 heading, or the front matter <c>title</c>.</summary>
    public string? Title { get; }

    public TextSpan TitleSpan { get; }

    /// <summary>All sections in document order; <see cref="Section.ParentIndex"/> gives the tree.</summary>
    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<Placeholder> Placeholders { get; }

    public IReadOnlyList<TimelineEntry> Timeline { get; }

    public IReadOnlyList<ActionItem> ActionItems { get; }

    public IReadOnlyList<GeneratedBlock> GeneratedBlocks { get; }

    public IReadOnlyList<ParseProblem> Problems { get; }

    public string? Service => FrontMatter["service"];

    /// <summary>The postmortem template the document follows (named in front matter or settings, or detected from its headings).</summary>
    public TemplateProfile Template { get; internal init; } = TemplateProfiles.LspTriage;

    /// <summary>Rule codes turned off in the settings or on the command line.</summary>
    public IReadOnlySet<string> DisabledRules { get; internal init; } = new HashSet<string>();

    /// <summary>The sections this postmortem must have, in the template's order: the template's, or the configured list.</summary>
    public IReadOnlyList<SectionKind> RequiredSections { get; internal init; } = TemplateProfiles.LspTriage.Required;

    /// <summary>The document's line break: what inserted text must use so a CRLF file stays CRLF.</summary>
    public string NewLine => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    public static IncidentDocument Parse(string text, string? path = null, DocumentOptions? options = null) =>
        IncidentDocumentParser.Parse(text, path, options ?? DocumentOptions.Default);

    public TextRange RangeOf(TextSpan span) => Lines.RangeOf(span);

    public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The first section of a kind that the user wrote (generated sections are only used when no other exists).</summary>
    public Section? FindSection(SectionKind kind) =>
        Sections.FirstOrDefault(s => s.Kind == kind && !s.IsGenerated) ?? Sections.FirstOrDefault(s => s.Kind == kind);

    /// <summary>The section's own text below its heading, without sub-sections' headings removed.</summary>
    public string ContentOf(Section section) => TextOf(section.ContentSpan);

    public bool IsInsideGeneratedBlock(int offset) => SectionLookup.InAnyBlock(GeneratedBlocks, offset);

    /// <summary>The innermost section containing an offset, or -1.</summary>
    public int SectionIndexAt(int offset) => SectionLookup.IndexAt(Sections, offset);

    /// <summary>The text of a span with every generated block in it left out: what the user wrote.</summary>
    public string UserTextOf(TextSpan span)
    {
        var sb = new System.Text.StringBuilder(span.Length);
        var pos = span.Start;
        foreach (var block in GeneratedBlocks.Where(b => b.Span.End > span.Start && b.Span.Start < span.End))
        {
            if (block.Span.Start > pos)
            {
                sb.Append(Text, pos, block.Span.Start - pos);
            }
            pos = Math.Max(pos, block.Span.End);
        }
        if (span.End > pos)
        {
            sb.Append(Text, pos, span.End - pos);
        }
        return sb.ToString();
    }
}
