using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>The sections a postmortem must have: its template's (or the configured) list, in the order we insert them.</summary>
public static class RequiredSections
{
    public static IReadOnlyList<SectionKind> Of(IncidentDocument document) => document.RequiredSections;

    /// <summary>The user's (not generated) sections that can stand for a required kind under the document's template.</summary>
    public static IEnumerable<Section> Find(IncidentDocument document, SectionKind required) =>
        document.Sections.Where(s => !s.IsGenerated && document.Template.Satisfies(s.Kind, required));

    /// <summary>True when the document's headings are written in Chinese, so inserted headings should be too.</summary>
    public static bool IsChinese(IncidentDocument document) =>
        document.Sections.Any(s => s.Heading.Any(c => c is >= '\u4e00' and <= '\u9fff'));

    /// <summary>The heading to write for a kind in this document: its template's name for it, in the document's language.</summary>
    public static string HeadingFor(IncidentDocument document, SectionKind kind) => document.Template.HeadingFor(kind, IsChinese(document));
}
