using LspTriage.Core.Checks;
using LspTriage.Core.Text;
using LspTriage.Core.Timelines;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Timeline;

/// <summary>
/// On a selection of pasted chat, log or incident-log lines: <b>Convert to timeline entries</b> inside the Timeline
/// section, <b>Append to Timeline</b> elsewhere. Both are versioned edits computed from the selected lines alone.
/// </summary>
internal sealed class TimelinePasteCodeActions : ICodeActionContributor
{
    public IEnumerable<CodeAction> Provide(OpenDocument document, TextRange range, IReadOnlyList<Finding> findings, ServerSettings settings)
    {
        if (range.Start == range.End || TimelinePaste.For(document.Parsed, range) is not { } paste)
        {
            yield break;
        }
        var entries = paste.EntryCount == 1 ? "1 entry" : $"{paste.EntryCount} entries";
        yield return new CodeAction($"{paste.Title} ({entries})", CodeActionKinds.TimelineFromPaste)
        {
            Edit = Edits.Versioned(document, paste.Edits),
        };
    }
}
