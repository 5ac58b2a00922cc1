using System.Text;
using LspTriage.Core.Actions;

namespace LspTriage.Cli.Actions;

/// <summary>
/// A POSIX shell script with one <c>gh issue create</c> per item. Every value is single-quoted (a quote inside becomes
/// <c>'\''</c>), so nothing in a postmortem can run as a command; an owner that is an @handle becomes the assignee.
/// </summary>
internal static class GitHubIssueScript
{
    public static string Render(IReadOnlyList<OpenActionItem> items, Func<OpenActionItem, string> link)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append("# Open action items as GitHub issues, written by lsptriage actions. Review, then run it inside the repository\n");
        sb.Append("# (needs the GitHub CLI, gh, logged in).\n");
        sb.Append("set -eu\n");
        foreach (var item in items)
        {
            sb.Append('\n').Append("# ").Append(OneLine($"{item.Path}:{item.Line}")).Append('\n');
            sb.Append("gh issue create --title ").Append(Quote(OneLine(item.IssueTitle))).Append(" --body ").Append(Quote(item.IssueBody(link(item))));
            if (item.Owner is { } owner && owner.StartsWith('@') && owner.Length > 1 && owner[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                sb.Append(" --assignee ").Append(Quote(owner[1..]));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");
}
