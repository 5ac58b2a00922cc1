namespace LspTriage.Core.Analysis.Prompts;

/// <summary>A versioned prompt: the system message and the user message template, read from an embedded file.</summary>
public sealed record PromptTemplate(string Version, string Language, string System, string User)
{
    public (string System, string User) Render(IReadOnlyDictionary<string, string> values)
    {
        string Fill(string t)
        {
            foreach (var (k, v) in values)
            {
                t = t.Replace("{{" + k + "}}", v, StringComparison.Ordinal);
            }
            return t;
        }
        return (Fill(System), Fill(User));
    }
}
