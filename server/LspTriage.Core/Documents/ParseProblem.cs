using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Something the parser could not read. Parsing never throws; it records these and the checks report them.</summary>
public sealed record ParseProblem(string Message, TextSpan Span);
