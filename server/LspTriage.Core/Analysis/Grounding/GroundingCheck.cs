using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Analysis.Grounding;

/// <summary>LT020: claims in a generated analysis block that the document's raw incident context does not support.</summary>
public sealed class GroundingCheck : ICheck
{
    public CheckRule Rule => Rules.Unsupported;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        AnalysisGrounding.Check(document).Select(c => Rule.At(c.Span, c.Message + "."));
}
