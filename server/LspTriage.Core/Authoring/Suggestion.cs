using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>
/// One completion: <see cref="InsertText"/> replaces <see cref="Replace"/> (what the user has typed of it).
/// <see cref="SortText"/> orders the list (missing required sections first); snippets use <c>${1:…}</c> tab stops.
/// </summary>
public sealed record Suggestion(string Label, string InsertText, SuggestionKind Kind, TextSpan Replace)
{
    public string? Detail { get; init; }

    public string? Documentation { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public bool IsSnippet { get; init; }
}

public enum SuggestionKind
{
    FrontMatterKey,
    Value,
    Heading,
    Person,
    Snippet,
    Incident,
}

/// <summary>The suggestions at a position; <see cref="IsIncomplete"/> asks the editor to ask again as the user types.</summary>
public sealed record SuggestionList(IReadOnlyList<Suggestion> Items, bool IsIncomplete = false)
{
    public static readonly SuggestionList Empty = new([]);
}
