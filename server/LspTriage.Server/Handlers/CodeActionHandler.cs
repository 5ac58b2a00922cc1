using LspTriage.Core.Fixes;
using LspTriage.Core.Text;
using LspTriage.Server.Conversion;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/codeAction</c>: quick fixes for the findings in the requested range, as versioned edits, plus the features' actions.</summary>
internal sealed class CodeActionHandler(DiagnosticsComputer computer, FeatureSet features) : IRequestHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    public string Method => "textDocument/codeAction";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.Refactor], ResolveProvider: false) };

    public Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.OurDocument(p?.TextDocument) is not { } document)
        {
            return Task.FromResult<IReadOnlyList<CodeAction>>([]);
        }
        var parsed = document.Parsed;
        var range = Params.Required(p!.Range, "range").ToCore();
        var findings = computer.Checker.Check(parsed);
        var actions = new List<CodeAction>();
        foreach (var finding in findings.Where(f => Intersects(parsed.RangeOf(f.Span), range)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostic = finding.ToDiagnostic(parsed);
            actions.AddRange(QuickFixProvider.For(parsed, finding).Select(fix => new CodeAction(fix.Title, CodeActionKinds.QuickFix)
            {
                Diagnostics = [diagnostic],
                IsPreferred = fix.IsPreferred ? true : null,
                Edit = Edits.Versioned(document, fix.Edits),
            }));
        }
        foreach (var contributor in features.CodeActions)
        {
            actions.AddRange(contributor.Provide(document, range, findings, context.Settings));
        }
        return Task.FromResult(Filter(actions, p.Context?.Only));
    }

    /// <summary>By lines: editors ask with the cursor's range, which may sit before the finding on the same line.</summary>
    private static bool Intersects(TextRange a, TextRange b) => a.Start.Line <= b.End.Line && b.Start.Line <= a.End.Line;

    private static IReadOnlyList<CodeAction> Filter(List<CodeAction> actions, IReadOnlyList<string>? only) =>
        only is null or { Count: 0 }
            ? actions
            : actions.Where(a => only.Any(kind => a.Kind == kind || a.Kind.StartsWith(kind + ".", StringComparison.Ordinal))).ToArray();
}
