using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Similarity;

/// <summary>One past incident linked from an inserted "Similar past incidents" block: the title's span and the file.</summary>
public sealed record SimilarBlockLink(TextSpan Span, Uri Target, string Title);

/// <summary>
/// The links of the "Similar past incidents" blocks a document holds, resolved to files, so an editor without a
/// markdown link provider (Neovim, Helix, …) can open them. Only our blocks are read: the user's own links are the
/// markdown language server's business. A link to a file that is not there (a shared record from another machine) is
/// left out rather than offered broken.
/// </summary>
public static partial class SimilarBlockLinks
{
    /// <summary>The renderer's link: <c>[title](relative/path.md)</c> or <c>[title](file:///abs/path.md)</c>.</summary>
    [GeneratedRegex(@"\[(?<title>(?:[^\]\\\n]|\\.)+)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex InlineLink();

    public static IReadOnlyList<SimilarBlockLink> Find(IncidentDocument document, string? documentPath)
    {
        var links = new List<SimilarBlockLink>();
        foreach (var block in document.GeneratedBlocks.Where(b => b.Kind == SimilarIncidentsRenderer.BlockKind))
        {
            var content = document.TextOf(block.ContentSpan);
            foreach (Match m in InlineLink().Matches(content))
            {
                if (Resolve(m.Groups["target"].Value, documentPath) is { } target && File.Exists(target.LocalPath))
                {
                    var title = m.Groups["title"];
                    links.Add(new SimilarBlockLink(new TextSpan(block.ContentSpan.Start + title.Index, title.Length), target, title.Value));
                }
            }
        }
        return links;
    }

    private static Uri? Resolve(string target, string? documentPath)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            return absolute.IsFile ? absolute : null;
        }
        if (documentPath is null || target.StartsWith('#'))
        {
            return null;
        }
        var relative = Uri.UnescapeDataString(target).Replace('/', Path.DirectorySeparatorChar);
        return new Uri(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(documentPath))!, relative)));
    }
}
