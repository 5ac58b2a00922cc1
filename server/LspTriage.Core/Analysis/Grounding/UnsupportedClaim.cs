using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Grounding;

/// <summary>A number, time, version or quote in generated text that the raw context does not contain. <see cref="Span"/> is relative to the checked text.</summary>
public sealed record UnsupportedClaim(TextSpan Span, string Text, ClaimKind Kind)
{
    public string Message => $"\"{Text}\" is not supported by the incident context";
}
