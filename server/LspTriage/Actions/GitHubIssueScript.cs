using System.Text;
using LspTriage.Core.Actions;

namespace LspTriage.Cli.Actions;

/// <summary>
/// A POSIX shell script with one <c>gh issue create</c> per item, each written by <see cref="GitHubIssue"/> (the
/// editor's "Copy as issue" gives the same command line).
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
            sb.Append('\n').Append("# ").Append(GitHubIssue.OneLine($"{item.Path}:{item.Line}")).Append('\n');
            sb.Append(GitHubIssue.For(item, link(item)).CommandLine).Append('\n');
        }
        return sb.ToString();
    }
}
