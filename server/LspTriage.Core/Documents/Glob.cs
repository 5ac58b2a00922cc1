using System.Text;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Documents;

/// <summary>A VS Code-style file glob (<c>**</c>, <c>*</c>, <c>?</c>, <c>{a,b}</c>) matched against a path with forward slashes.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path.Replace('\\', '/'));

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder("(?:^|/)");
        var braceDepth = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '{')
            {
                braceDepth++;
                sb.Append("(?:");
            }
            else if (c == '}' && braceDepth > 0)
            {
                braceDepth--;
                sb.Append(')');
            }
            else if (c == ',' && braceDepth > 0)
            {
                sb.Append('|');
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        return sb.Append('$').ToString();
    }
}
