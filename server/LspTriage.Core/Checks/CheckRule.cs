namespace LspTriage.Core.Checks;

/// <summary>A rule's identity and documentation, shared by diagnostics, SARIF rules and the README table.</summary>
public sealed record CheckRule(string Code, string Name, FindingSeverity DefaultSeverity, string Description)
{
    public Finding At(Text.TextSpan span, string message) => new(Code, DefaultSeverity, message, span);
}
