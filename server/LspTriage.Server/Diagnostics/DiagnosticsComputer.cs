using LspTriage.Core.Checks;
using LspTriage.Server.Conversion;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>
/// Findings of one document version as LSP diagnostics, computed once per version (a version is immutable, and its
/// options travel with it): repeated pulls and code-action requests on an unchanged document cost nothing.
/// <see cref="ComputeAsync"/> adds the repeat-incident rule (LT030), whose input is the similarity index, not the
/// text: it is recomputed when the index changes (<see cref="SimilarityHost.Generation"/>), not per version.
/// </summary>
internal sealed class DiagnosticsComputer
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpenDocument, IReadOnlyList<Diagnostic>> _cache = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpenDocument, WithRepeats> _withRepeats = new();
    private readonly SimilarityHost? _similarity;
    private readonly RepeatIncidentSource? _repeats;

    public DiagnosticsComputer(DocumentChecker checker, SimilarityHost? similarity = null)
    {
        Checker = checker;
        _similarity = similarity;
        _repeats = similarity is null ? null : new RepeatIncidentSource(similarity);
    }

    public DocumentChecker Checker { get; }

    /// <summary>LT030's input (null without a similarity host): workspace problems search with it too.</summary>
    internal RepeatIncidentSource? Repeats => _repeats;


    /// <summary>The findings of the text alone: what code actions and quick fixes look at.</summary>
    public IReadOnlyList<Diagnostic> Compute(OpenDocument document) => _cache.GetValue(document, ComputeUncached);

    /// <summary>Every diagnostic of the version, LT030 included: what push, pull and workspace pull report.</summary>
    public async Task<IReadOnlyList<Diagnostic>> ComputeAsync(OpenDocument document, CancellationToken cancellationToken) =>
        (await ComputeWithIdAsync(document, 0, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>
    /// The diagnostics and their result id: the version, the settings generation and what LT030 found. LT030 can
    /// change while the version does not (a past incident's items closed on disk), and an id that moved with every
    /// index event instead would make clients re-read diagnostics that did not change.
    /// </summary>
    public async Task<(IReadOnlyList<Diagnostic> Items, string ResultId)> ComputeWithIdAsync(OpenDocument document, int settingsGeneration, CancellationToken cancellationToken)
    {
        var items = await ComputeItemsAsync(document, cancellationToken).ConfigureAwait(false);
        var repeats = items.Where(d => d.Code == Rules.RepeatIncident.Code).Select(d => d.Message).ToArray();
        // string.GetHashCode differs between processes: fine, result ids live as long as the server.
        var suffix = repeats.Length == 0 ? "" : ":r" + string.Join('\n', repeats).GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return (items, $"{document.Version}:{settingsGeneration}{suffix}");
    }

    private async Task<IReadOnlyList<Diagnostic>> ComputeItemsAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        var own = Compute(document);
        if (_similarity is null || _repeats is null || !document.IsOurs || document.Parsed.DisabledRules.Contains(Rules.RepeatIncident.Code))
        {
            return own;
        }
        var generation = _similarity.Generation;
        if (_withRepeats.TryGetValue(document, out var done) && done.Generation == generation)
        {
            return done.Items;
        }
        var past = await _repeats.FindAsync(document.Parsed, document.Options, cancellationToken).ConfigureAwait(false);
        var items = own;
        if (past.Count > 0)
        {
            // Through a checker, so inline disable comments cover LT030 as they cover every other rule.
            var repeats = new DocumentChecker([new RepeatIncidentCheck(past)]).Check(document.Parsed).Select(f => f.ToDiagnostic(document.Parsed));
            items = [.. own.Concat(repeats).OrderBy(d => d.Range.Start.Line).ThenBy(d => d.Range.Start.Character)];
        }
        _withRepeats.AddOrUpdate(document, new WithRepeats(generation, items));
        return items;
    }

    private sealed record WithRepeats(int Generation, IReadOnlyList<Diagnostic> Items);

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
