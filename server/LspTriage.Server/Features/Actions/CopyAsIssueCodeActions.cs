using LspTriage.Core.Checks;
using LspTriage.Core.Text;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Actions;

/// <summary>
/// <b>Copy as issue</b> on an open action item (a list item or a table row of the action items section). The server
/// cannot reach the clipboard, so the action is a command: <see cref="CopyAsIssueCommand"/> returns the issue and the
/// client copies it (the VS Code extension does; other clients get the result of <c>workspace/executeCommand</c>).
/// </summary>
internal sealed class CopyAsIssueCodeActions : ICodeActionContributor
{
    public IEnumerable<CodeAction> Provide(OpenDocument document, TextRange range, IReadOnlyList<Finding> findings, ServerSettings settings)
    {
        if (CopyAsIssueCommand.ItemAt(document.Parsed, range.Start.Line) is null)
        {
            yield break;
        }
        yield return new CodeAction("Copy as issue", CodeActionKinds.CopyAsIssue)
        {
            Command = new Command("Copy as issue", CopyAsIssueCommand.CommandName, [document.Uri, range.Start.Line]),
        };
    }
}
