using LspTriage.Core.Checks;
using LspTriage.Core.Fixes;
using LspTriage.Core.Text;
using LspTriage.Server.Conversion;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary>Quick fixes for the findings in the requested range, as versioned edits, plus the features' actions.</summary>
internal sealed class CodeActionHandler
{
    private readonly ServerContext _context;
    private readonly DiagnosticsComputer _computer;
    private readonly FeatureSet _features;

    public CodeActionHandler(ServerContext context, DiagnosticsComputer computer, FeatureSet features)
    {
        _context = context;
        _computer = computer;
        _features = features;
    }

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams p, CancellationToken cancellationToken)
    {
        var document = _context.Snapshot(p?.TextDocument);
        if (document is null)
        {
            return [];
        }
        await TaskScheduler.Default;
        if (!document.IsOurs)
        {
            return [];
        }
        var parsed = document.Parsed;
        var range = Params.Required(p!.Range, "range").ToCore();
        var findings = _computer.Checker.Check(parsed);
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
        foreach (var contributor in _features.CodeActions)
        {
            actions.AddRange(contributor.Provide(document, range, findings));
        }
        return Filter(actions, p.Context?.Only);
    }

    /// <summary>By lines: editors ask with the cursor's range, which may sit before the finding on the same line.</summary>
    private static bool Intersects(TextRange a, TextRange b) => a.Start.Line <= b.End.Line && b.Start.Line <= a.End.Line;

    private static IReadOnlyList<CodeAction> Filter(List<CodeAction> actions, IReadOnlyList<string>? only) =>
        only is null or { Count: 0 }
            ? actions
            : actions.Where(a => only.Any(kind => a.Kind == kind || a.Kind.StartsWith(kind + ".", StringComparison.Ordinal))).ToArray();
}
