using LspTriage.Core.Actions;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;
using LspTriage.Server.Hosting;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Actions;

/// <summary>
/// <c>lspTriage.copyAsIssue [uri, line]</c>: the open action item on that 0-based line as a GitHub issue — title,
/// markdown body (owner, priority, due date, a link back to file:line) and the <c>gh issue create</c> command line —
/// written by <see cref="GitHubIssue"/>, as <c>lsptriage actions --format github</c> writes it. Nothing is edited.
/// </summary>
internal sealed class CopyAsIssueCommand(ServerContext server) : IServerCommand
{
    public const string CommandName = "lspTriage.copyAsIssue";

    public string Name => CommandName;

    public Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var document = context.Document();
        if (context.Arguments.Count < 2 || !context.Arguments[1].TryGetInt32(out var line) || line < 0)
        {
            throw CommandContext.Invalid($"{CommandName} needs the document URI and a 0-based line number.");
        }
        var parsed = document.Parsed;
        var item = ItemAt(parsed, line) ?? throw CommandContext.Invalid($"Line {line + 1} is not an open action item.");
        var path = RelativePath(DocumentUri.ToPath(document.Uri) ?? document.Uri);
        var open = OpenActionItem.From(path, parsed, item);
        var issue = GitHubIssue.For(open, $"{open.Path}:{open.Line}");
        return Task.FromResult<object?>(new CopiedIssue(issue.Title, issue.Body, issue.CommandLine, issue.Markdown));
    }

    /// <summary>The open action item written on a line (any line of a multi-line item), outside generated blocks.</summary>
    internal static ActionItem? ItemAt(IncidentDocument document, int line) =>
        document.ActionItems.FirstOrDefault(a => !a.IsDone && !document.IsInsideGeneratedBlock(a.Span.Start)
            && document.RangeOf(a.Span) is var r && r.Start.Line <= line && line <= r.End.Line);

    /// <summary>Relative to its workspace folder, as the path reads in the repository the issue is filed in.</summary>
    private string RelativePath(string path)
    {
        var folder = server.WorkspaceFolders.FirstOrDefault(f => FilePaths.IsUnder(path, f));
        return folder is null ? path : Path.GetRelativePath(folder, path).Replace('\\', '/');
    }

    /// <param name="Markdown">Title and body in one text: what the VS Code extension copies.</param>
    internal sealed record CopiedIssue(string Title, string Body, string Command, string Markdown);
}
