using LspTriage.Core.Text;

namespace LspTriage.Server.Workspace;

/// <summary>
/// Reads a file's title without parsing the whole document: the first ATX level-1 heading, else the front matter
/// <c>title</c>. A workspace scan reads thousands of files; a full parse of each is wasted here.
/// </summary>
internal static class TitleReader
{
    public static IncidentTitle? Read(string path, string text)
    {
        var lines = new LineMap(text);
        var inFrontMatter = lines.LineCount > 1 && lines.LineText(0).TrimStart('\uFEFF').TrimEnd() == "---";
        IncidentTitle? fromFrontMatter = null;
        var inFence = false;
        for (var line = inFrontMatter ? 1 : 0; line < Math.Min(lines.LineCount, 400); line++)
        {
            var content = lines.LineText(line);
            if (inFrontMatter)
            {
                if (content.TrimEnd() is "---" or "...")
                {
                    inFrontMatter = false;
                }
                else if (content.StartsWith("title:", StringComparison.Ordinal) && content[6..].Trim().Trim('"', '\'') is { Length: > 0 } t)
                {
                    var start = content.IndexOf(t, 6, StringComparison.Ordinal);
                    fromFrontMatter = new IncidentTitle(path, t, new TextRange(new Position(line, start), new Position(line, start + t.Length)));
                }
                continue;
            }
            if (content.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            if (!inFence && content.StartsWith("# ", StringComparison.Ordinal) && content[2..].Trim() is { Length: > 0 } heading)
            {
                var start = content.IndexOf(heading, 2, StringComparison.Ordinal);
                return new IncidentTitle(path, heading, new TextRange(new Position(line, start), new Position(line, start + heading.Length)));
            }
        }
        return fromFrontMatter;
    }
}
