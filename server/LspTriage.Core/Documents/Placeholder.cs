using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>An unfilled placeholder such as <c>[FILL IN]</c>, outside code.</summary>
public sealed record Placeholder(string Token, TextSpan Span, int SectionIndex);
