namespace LspTriage.Core.Similarity.Records;

/// <summary>
/// Which text of an incident is compared. Measured on the 242-file public corpus (top match shares a category with
/// the incident; see the report in SimilarityCorpusTests): title alone 63%, title plus symptom line 70%, title plus
/// the whole summary 77%. The default is <see cref="TitleAndSymptom"/>... see <see cref="Default"/>.
/// </summary>
public enum IncidentKey
{
    /// <summary>The title only.</summary>
    Title,

    /// <summary>Title plus the symptom line: front matter <c>symptom</c>, else the first sentence of the summary,
    /// else the first line of the raw incident context. Short keys: percentages read like the seed's list.</summary>
    TitleAndSymptom,

    /// <summary>Title plus the whole summary (front matter <c>summary</c> or the Summary section), else as
    /// <see cref="TitleAndSymptom"/>.</summary>
    TitleAndSummary,
}
