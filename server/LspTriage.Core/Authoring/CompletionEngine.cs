namespace LspTriage.Core.Authoring;

/// <summary>
/// Completion for incident and postmortem files: front matter keys and values, section headings, priorities and
/// owners in action items, timeline entries, links to past incidents. The first provider that knows the place answers.
/// </summary>
public static class CompletionEngine
{
    public static SuggestionList Complete(CompletionRequest request)
    {
        if (request.Position.Line >= request.Document.Lines.LineCount)
        {
            return SuggestionList.Empty;
        }
        return FrontMatterCompletions.Provide(request)
            ?? HeadingCompletions.Provide(request)
            ?? IncidentLinkCompletions.Provide(request)
            ?? ActionItemCompletions.Provide(request)
            ?? TimelineCompletions.Provide(request)
            ?? SuggestionList.Empty;
    }
}
