using LspTriage.Core.Files;
using LspTriage.Cli.Cli;
using LspTriage.Core.Documents;

namespace LspTriage.Cli.Commands;

/// <summary>The files a <c>check</c> run covers: explicit files as given, folders expanded to their incident files.</summary>
internal sealed record CheckTargets(IReadOnlyList<(string Path, bool IsExplicit)> Files, IReadOnlyList<string> Missing)
{
    public static CheckTargets Resolve(IEnumerable<string> arguments, CliIo io, DocumentOptions options)
    {
        var files = new List<(string, bool)>();
        var missing = new List<string>();
        foreach (var argument in arguments)
        {
            var full = io.FullPath(argument);
            if (File.Exists(full))
            {
                files.Add((full, true));
            }
            else if (Directory.Exists(full))
            {
                files.AddRange(Enumerate(full, options).Order(StringComparer.Ordinal).Select(f => (f, false)));
            }
            else
            {
                missing.Add(argument);
            }
        }
        return new CheckTargets(files.DistinctBy(f => f.Item1).ToArray(), missing);
    }

    private static IEnumerable<string> Enumerate(string folder, DocumentOptions options) =>
        MarkdownFiles.Under(folder).Order(StringComparer.Ordinal).Where(file => options.IsIncidentPath(file) || HasKindFrontMatter(file));

    /// <summary>A markdown file outside the globs is still ours when its front matter says <c>kind: incident|postmortem</c>.</summary>
    private static bool HasKindFrontMatter(string file)
    {
        try
        {
            using var reader = new StreamReader(file);
            if (reader.ReadLine()?.TrimEnd() != "---")
            {
                return false;
            }
            for (var i = 0; i < 50 && reader.ReadLine() is { } line && line.TrimEnd() != "---"; i++)
            {
                if (line.StartsWith("kind:", StringComparison.Ordinal) && line[5..].Trim() is "incident" or "postmortem")
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
        }
        return false;
    }
}
