using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// Runs every check over a document. Documents that are not ours get no findings; rules disabled in the settings do
/// not run, and findings under an inline disable comment are dropped.
/// </summary>
public sealed class DocumentChecker
{
    public static readonly DocumentChecker Default = new(
    [
        new UnreadableDocumentCheck(), new PlaceholderCheck(), new MissingSectionCheck(), new EmptySectionCheck(),
        new TimelineOrderCheck(), new TimelineTimeCheck(), new ActionItemOwnerCheck(), new ActionItemPriorityCheck(),
        new DuplicateSectionCheck(), new SeverityCheck(), new CreatedDateCheck(), new Analysis.Grounding.GroundingCheck(),
        new BlameLanguageCheck(), new ImpactNumberCheck(), new VagueActionItemCheck(),
    ]);

    private readonly IReadOnlyList<ICheck> _checks;

    public DocumentChecker(IReadOnlyList<ICheck> checks) => _checks = checks;

    /// <summary>A checker with extra checks appended (the analysis adds its grounding check this way).</summary>
    public DocumentChecker With(params ICheck[] extra) => new([.. _checks, .. extra]);

    public IReadOnlyList<Finding> Check(IncidentDocument document)
    {
        if (document.Kind == DocumentKind.NotOurs)
        {
            return [];
        }
        var findings = new List<Finding>();
        var suppressions = Suppressions.Read(document);
        foreach (var check in _checks)
        {
            if (document.DisabledRules.Contains(check.Rule.Code))
            {
                continue;
            }
            findings.AddRange(suppressions.Count == 0 ? check.Run(document) : check.Run(document).Where(f => !Suppressions.Covers(suppressions, f)));
        }
        findings.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Code, b.Code));
        return findings;
    }
}
