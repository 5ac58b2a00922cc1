using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

/// <summary>A problem a check found. <see cref="Data"/> carries what a quick fix needs (e.g. the missing section kind).</summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Message, TextSpan Span)
{
    public string? Data { get; init; }
}
