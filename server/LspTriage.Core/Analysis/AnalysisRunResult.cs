using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis;

/// <summary>
/// <see cref="Unsupported"/> spans are relative to the block's body (the text between the marker lines); after the
/// edit is applied, <see cref="AnalysisGrounding.Check"/> reports them in document offsets.
/// </summary>
public sealed record AnalysisRunResult(IncidentAnalysis Analysis, string Block, BlockEdit Edit, IReadOnlyList<UnsupportedClaim> Unsupported);
