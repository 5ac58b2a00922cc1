using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Tests.Checks;

internal static class CheckAssert
{
    public static IReadOnlyList<Finding> Run(ICheck check, string text, string? path = null) =>
        check.Run(IncidentDocument.Parse(text, path)).ToList();

    /// <summary>The 1-based line and the covered text of each finding, for compact expectations.</summary>
    public static (int Line, string Text)[] Where(IncidentDocument doc, IEnumerable<Finding> findings) =>
        findings.Select(f => (doc.RangeOf(f.Span).Start.Line + 1, doc.TextOf(f.Span))).ToArray();
}
