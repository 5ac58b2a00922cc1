using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Grounding;

/// <summary>Grounding over a whole document: every analysis block checked against the raw context, spans in document offsets (for LT020 diagnostics).</summary>
public static class AnalysisGrounding
{
    public static IReadOnlyList<UnsupportedClaim> Check(IncidentDocument document)
    {
        var blocks = document.GeneratedBlocks.Where(b => b.Kind == BlockMarker.Kind && b.ContentSpan.Length > 0).ToList();
        if (blocks.Count == 0)
        {
            return [];
        }
        IncidentContext context;
        try
        {
            context = IncidentContextReader.Read(document);
        }
        catch (AnalysisException)
        {
            return [];
        }
        var result = new List<UnsupportedClaim>();
        foreach (var block in blocks)
        {
            foreach (var claim in GroundingChecker.Check(document.TextOf(block.ContentSpan), context.RawContext))
            {
                result.Add(claim with { Span = new TextSpan(block.ContentSpan.Start + claim.Span.Start, claim.Span.Length) });
            }
        }
        return result;
    }
}
