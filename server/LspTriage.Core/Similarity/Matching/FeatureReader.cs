using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Offline;

namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// Reads an incident's <see cref="IncidentFeatures"/>: the failure signatures the offline analyzer ranks for the
/// incident's text (the same rules as <c>lsptriage analyze</c>, so "same failure" means what the analysis would say)
/// and the identifiers it names.
/// </summary>
public static class FeatureReader
{
    /// <summary>Signatures weaker than this are guesses from one stray word; they would make unrelated incidents
    /// look alike.</summary>
    internal const double MinSignatureScore = 3.0;

    private const int MaxSignatures = 3;

    // The analyzer reads prose and logs; beyond this a file is an attachment dump and the head says enough.
    private const int MaxChars = 20_000;

    private static readonly OfflineAnalyzer Analyzer = new();

    /// <summary>Never throws: an analyzer failure costs the signatures, not the record.</summary>
    public static IncidentFeatures Read(string body, string? title, string? service)
    {
        var text = body.Length > MaxChars ? body[..MaxChars] : body;
        IReadOnlyList<string> signatures;
        try
        {
            var analysis = Analyzer.Analyze(new IncidentContext(text, title, service), AnalysisLanguage.English);
            signatures = analysis.Hypotheses
                .Where(h => h.SignatureId is not null && h.Score >= MinSignatureScore)
                .Select(h => h.SignatureId!)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxSignatures)
                .ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            signatures = [];
        }
        var identifiers = IdentifierExtractor.Extract((title is null ? "" : title + "\n") + text, service);
        return new IncidentFeatures(signatures, identifiers);
    }
}
