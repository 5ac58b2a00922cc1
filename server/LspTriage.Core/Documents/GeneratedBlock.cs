using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Text between <c>&lt;!-- lsptriage:begin KIND key=value ... --&gt;</c> and <c>&lt;!-- lsptriage:end --&gt;</c>.
/// <see cref="Span"/> covers both marker lines; <see cref="ContentSpan"/> the lines between them.
/// </summary>
public sealed record GeneratedBlock(string Kind, IReadOnlyDictionary<string, string> Attributes, TextSpan Span, TextSpan ContentSpan)
{
    public string? Hash => Attributes.TryGetValue("hash", out var h) ? h : null;

    /// <summary>True when the block is closed and its text still matches the hash it was generated with: the only
    /// case in which a re-run may replace it.</summary>
    public bool IsUnedited(IncidentDocument document) => IsClosed && BlockHash.Matches(document.TextOf(ContentSpan), Hash);

    /// <summary>False when the begin marker has no end marker: the block runs to the end of the file and is never replaced.</summary>
    public bool IsClosed { get; init; } = true;
}
