using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Analysis;

/// <summary>
/// One call for the editor and the CLI: read the raw context of a document snapshot, analyze it with the chosen
/// provider, render the generated block, and compute the no-loss edit against that same snapshot. If the document
/// moved on meanwhile, call <see cref="AnalysisBlockEditor.ComputeEdit"/> again with the new snapshot and
/// <see cref="AnalysisRunResult.Block"/>.
/// </summary>
public sealed class AnalysisRunner
{
    private readonly IIncidentAnalyzer _offline;
    private readonly IIncidentAnalyzer _llm;

    public AnalysisRunner(IIncidentAnalyzer? offline = null, IIncidentAnalyzer? llm = null)
    {
        _offline = offline ?? new OfflineAnalyzer();
        _llm = llm ?? new LlmAnalyzer();
    }

    public IIncidentAnalyzer AnalyzerFor(AnalysisOptions options) => options.IsOffline ? _offline : _llm;

    public async Task<AnalysisRunResult> RunAsync(IncidentDocument document, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var context = IncidentContextReader.Read(document);
        var analysis = await AnalyzerFor(options).AnalyzeAsync(context, options, progress, cancellationToken).ConfigureAwait(false);
        var block = AnalysisRenderer.RenderBlock(analysis, options.Language);
        var body = AnalysisRenderer.RenderBody(analysis, options.Language);
        var edit = AnalysisBlockEditor.ComputeEdit(document, block);
        return new AnalysisRunResult(analysis, block, edit, GroundingChecker.Check(body, context.RawContext));
    }
}
