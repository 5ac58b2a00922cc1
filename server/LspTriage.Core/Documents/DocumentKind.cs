namespace LspTriage.Core.Documents;

/// <summary>What a markdown file is to us. Files that are <see cref="NotOurs"/> get no diagnostics, lenses or hovers.</summary>
public enum DocumentKind
{
    NotOurs,
    Incident,
    Postmortem,
}
