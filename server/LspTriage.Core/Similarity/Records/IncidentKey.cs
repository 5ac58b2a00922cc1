namespace LspTriage.Core.Similarity.Records;

/// <summary>
/// Which text of an incident is compared with pg_trgm similarity. <see cref="IncidentKeys.Default"/> is
/// <see cref="TitleAndSummary"/>, chosen by measurement on the 242-file public corpus (the rate at which an incident's
/// top match shares a front matter category with it; 186 files have categories; CorpusNeighbourTests reproduces it):
/// <list type="table">
/// <item><term>all 242 as candidates</term><description>title 76.3%, title+symptom 64.5%, title+summary 69.4% (top-5: 72.6 / 65.6 / 70.9%)</description></item>
/// <item><term>categorised 186 only</term><description>title 83.3%, title+symptom 80.1%, title+summary 81.2%; matches ≥ 0.3 sharing a category: 196/208, 20/22, 44/44</description></item>
/// </list>
/// Title plus summary beats title plus symptom line on every count: the summary carries the mechanism (what failed and
/// why), which is what neighbours share; a one-line symptom mostly carries numbers. The title alone ranks slightly
/// better here only because corpus titles name the company and categories often do too, and it leaves nothing to
/// compare for incidents with generic titles; the design asks for title plus symptom or summary.
/// </summary>
public enum IncidentKey
{
    /// <summary>The title only.</summary>
    Title,

    /// <summary>Title plus the symptom line: front matter <c>symptom</c>, else the first sentence of the summary,
    /// else the first line of the raw incident context.</summary>
    TitleAndSymptom,

    /// <summary>Title plus the whole summary (front matter <c>summary</c> or the Summary section), falling back to the
    /// symptom line when the summary is missing or only a placeholder.</summary>
    TitleAndSummary,
}
