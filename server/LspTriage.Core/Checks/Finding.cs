using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

/// <summary>A problem a check found. <see cref="Data"/> carries what a quick fix needs (e.g. the missing section kind).</summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Message, TextSpan Span)
{
    public string? Data { get; init; }

    /// <summary>Places in other files the finding is about (the past incident of a repeat incident); usually empty.</summary>
    public IReadOnlyList<RelatedPlace> Related { get; init; } = [];
}
