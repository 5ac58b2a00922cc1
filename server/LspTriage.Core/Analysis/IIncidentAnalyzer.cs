using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis;

/// <summary>Turns an incident's raw context into a grounded analysis. Implementations: offline rules and an OpenAI-compatible LLM.</summary>
public interface IIncidentAnalyzer
{
    Task<IncidentAnalysis> AnalyzeAsync(
        IncidentContext context,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken);
}
