namespace LspTriage.Core.Analysis.Redaction;

/// <summary>The text with secrets and personal data masked, and what was masked: kind and count, never the value.</summary>
public sealed record RedactionResult(string Text, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>For the run record, e.g. <c>api-key×1</c>, <c>email×2</c>.</summary>
    public IReadOnlyList<string> Summary => Counts.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}×{k.Value}").ToList();
}
