using LspTriage.Core.Documents.Templates;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Builds an <see cref="IncidentDocument"/>: front matter, Markdig block structure, then the readers that need both.</summary>
internal static class IncidentDocumentParser
{
    public static IncidentDocument Parse(string text, string? path, DocumentOptions options)
    {
        text ??= "";
        var lines = new LineMap(text);
        if (BinaryContent.Detect(text) is { } binaryProblem)
        {
            return Empty(text, lines, path, options, binaryProblem);
        }
        try
        {
            return ParseMarkdown(text, lines, path, options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Parsing must never take the server down; the document is reported as unreadable instead.
            return Empty(text, lines, path, options, new ParseProblem($"The document could not be parsed: {ex.Message}", new TextSpan(0, 0)));
        }
    }

    private static IncidentDocument ParseMarkdown(string text, LineMap lines, string? path, DocumentOptions options)
    {
        var frontMatter = FrontMatterReader.Read(text, lines);
        var structure = MarkdownStructure.Read(text);
        var blocks = GeneratedBlockReader.Read(lines);
        var fieldLines = FieldLineReader.Read(lines, structure.TopLevelParagraphs)
            .Where(f => !SectionLookup.InAnyBlock(blocks, f.Span.Start))
            .ToList();
        var labels = structure.Headings.Select(h => SectionBuilder.HeadingText(lines, h).Text)
            .Concat(fieldLines.Select(f => text.Substring(f.FieldLabel.Start, f.FieldLabel.Length)));
        var template = TemplateDetector.Detect(frontMatter, options.Template, labels);
        var sections = SectionBuilder.Build(text, lines, WithFields(structure.Headings, fieldLines, text, template), blocks, template);
        var (title, titleSpan) = FindTitle(sections, frontMatter);
        var kind = DocumentClassifier.Classify(path, frontMatter, sections, options, template);

        return new IncidentDocument(
            text, lines, path, kind, frontMatter, title, titleSpan, sections,
            FindPlaceholders(text, frontMatter, sections, structure, options),
            TimelineReader.Read(lines, sections, blocks, structure.ListItems, options.Placeholders),
            [.. ActionItemReader.Read(lines, sections, blocks, structure.ListItems), .. ActionItemTableReader.Read(lines, sections, blocks, structure.TopLevelParagraphs)],
            blocks,
            problems: [])
        {
            Template = template,
            RequiredSections = RequiredKinds(options, template),
            DisabledRules = options.DisabledRules.Select(r => r.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Headings and the field lines whose label means a section under this template, in document order.</summary>
    private static List<HeadingInfo> WithFields(List<HeadingInfo> headings, List<HeadingInfo> fields, string text, TemplateProfile template)
    {
        var known = fields.Where(f => template.Classify(text.Substring(f.FieldLabel.Start, f.FieldLabel.Length)) != SectionKind.Other).ToList();
        if (known.Count == 0)
        {
            return headings;
        }
        return [.. headings.Concat(known).OrderBy(h => h.Span.Start)];
    }

    private static IReadOnlyList<SectionKind> RequiredKinds(DocumentOptions options, TemplateProfile template)
    {
        var configured = options.RequiredSections.Select(template.Classify).Where(k => k != SectionKind.Other).Distinct().ToArray();
        return configured.Length > 0 ? configured : template.Required;
    }

    private static (string? Title, TextSpan Span) FindTitle(IReadOnlyList<Section> sections, FrontMatter frontMatter)
    {
        var h1 = sections.FirstOrDefault(s => s.Level == 1 && !s.IsGenerated);
        if (h1 is not null && h1.Heading.Length > 0)
        {
            return (h1.Heading, h1.HeadingSpan);
        }
        var entry = frontMatter.Find("title");
        return entry is { Value.Length: > 0 } ? (entry.Value, entry.ValueSpan) : (null, default);
    }

    private static List<Placeholder> FindPlaceholders(string text, FrontMatter frontMatter, IReadOnlyList<Section> sections, MarkdownStructure structure, DocumentOptions options)
    {
        var found = new List<Placeholder>();
        void Add(string token, TextSpan span) => found.Add(new Placeholder(token, span, SectionLookup.IndexAt(sections, span.Start)));
        foreach (var entry in frontMatter.Entries)
        {
            options.Placeholders.Scan(text, entry.ValueSpan, Add);
        }
        foreach (var prose in structure.ProseSpans)
        {
            options.Placeholders.Scan(text, prose, Add);
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    private static IncidentDocument Empty(string text, LineMap lines, string? path, DocumentOptions options, ParseProblem problem)
    {
        var kind = DocumentClassifier.Classify(path, FrontMatter.None, [], options);
        return new IncidentDocument(text, lines, path, kind, FrontMatter.None, null, default, [], [], [], [], [], [problem]);
    }
}
