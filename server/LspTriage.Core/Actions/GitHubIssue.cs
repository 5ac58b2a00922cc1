namespace LspTriage.Core.Actions;

/// <summary>
/// An open action item as a GitHub issue: title, markdown body and the <c>gh issue create</c> command line that files
/// it. The one formatting source for <c>lsptriage actions --format github</c> and the editor's "Copy as issue".
/// Every value in the command line is single-quoted (a quote inside becomes <c>'\''</c>), so nothing in a postmortem
/// can run as a command; an owner that is an @handle becomes the assignee.
/// </summary>
public sealed record GitHubIssue(string Title, string Body, string CommandLine)
{
    /// <param name="link">Where the item was written, as the reader should follow it (PATH:LINE or a URL).</param>
    public static GitHubIssue For(OpenActionItem item, string link)
    {
        var title = OneLine(item.IssueTitle);
        var body = item.IssueBody(link);
        var command = $"gh issue create --title {Quote(title)} --body {Quote(body)}";
        if (item.Owner is { } owner && owner.StartsWith('@') && owner.Length > 1 && owner[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            command += " --assignee " + Quote(owner[1..]);
        }
        return new GitHubIssue(title, body, command);
    }

    /// <summary>Title and body as one markdown text, for pasting where there is a single field.</summary>
    public string Markdown => $"## {Title}\n\n{Body}\n";

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string OneLine(string value) => value.ReplaceLineEndings(" ");
}
