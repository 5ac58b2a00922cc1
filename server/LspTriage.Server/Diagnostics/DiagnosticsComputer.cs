using LspTriage.Core.Checks;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>
/// Findings of one document version as LSP diagnostics, computed once per version (a version is immutable, and its
/// options travel with it): repeated pulls and code-action requests on an unchanged document cost nothing.
/// </summary>
internal sealed class DiagnosticsComputer
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpenDocument, IReadOnlyList<Diagnostic>> _cache = new();

    public DiagnosticsComputer(DocumentChecker checker) => Checker = checker;

    public DocumentChecker Checker { get; }

    public IReadOnlyList<Diagnostic> Compute(OpenDocument document) => _cache.GetValue(document, ComputeUncached);

    private IReadOnlyList<Diagnostic> ComputeUncached(OpenDocument document)
    {
        var parsed = document.Parsed;
        if (parsed.Kind == Core.Documents.DocumentKind.NotOurs)
        {
            return [];
        }
        return Checker.Check(parsed).Select(f => f.ToDiagnostic(parsed)).ToArray();
    }
}
