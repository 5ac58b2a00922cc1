using LspTriage.Core.Checks;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>Findings of one document version as LSP diagnostics; the checker can be extended (grounding) by the host.</summary>
internal sealed class DiagnosticsComputer
{
    public DiagnosticsComputer(DocumentChecker checker) => Checker = checker;

    public DocumentChecker Checker { get; }

    public IReadOnlyList<Diagnostic> Compute(OpenDocument document)
    {
        var parsed = document.Parsed;
        if (parsed.Kind == Core.Documents.DocumentKind.NotOurs)
        {
            return [];
        }
        return Checker.Check(parsed).Select(f => f.ToDiagnostic(parsed)).ToArray();
    }
}
