using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

// Placeholder until the Markdig-based parser lands (same session); keeps the solution compiling for parallel work.
internal static class IncidentDocumentParser
{
    public static IncidentDocument Parse(string text, string? path, DocumentOptions options) =>
        new(text, new LineMap(text), path, DocumentKind.Incident, FrontMatter.None, null, default, [], [], [], [], [], []);
}
