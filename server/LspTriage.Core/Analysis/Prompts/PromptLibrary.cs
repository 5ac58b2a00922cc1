using System.Reflection;

namespace LspTriage.Core.Analysis.Prompts;

/// <summary>Prompt files embedded in the assembly as <c>Prompts/{version}/{lang}.md</c>, plus the answer schema.</summary>
public static class PromptLibrary
{
    private const string Prefix = "LspTriage.Core.Analysis.Prompts.";

    public static IReadOnlyList<string> Versions { get; } = ["v1", "v2"];

    public static string AnswerSchema { get; } = Read(Prefix + "answer.schema.json");

    public static PromptTemplate Get(string version, AnalysisLanguage language)
    {
        if (!Versions.Contains(version))
        {
            throw new ArgumentException($"Unknown prompt version '{version}'. Known versions: {string.Join(", ", Versions)}.", nameof(version));
        }
        var text = Read($"{Prefix}{version}.{language.Code()}.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        const string sys = "=== system ===\n";
        const string user = "=== user ===\n";
        var s = text.IndexOf(sys, StringComparison.Ordinal);
        var u = text.IndexOf(user, StringComparison.Ordinal);
        if (s < 0 || u < s)
        {
            throw new InvalidOperationException($"Prompt {version}/{language.Code()} lacks its system/user markers.");
        }
        return new PromptTemplate(version, language.Code(), text[(s + sys.Length)..u].Trim(), text[(u + user.Length)..].Trim());
    }

    private static string Read(string name)
    {
        var assembly = typeof(PromptLibrary).Assembly;
        // RecursiveDir puts '/' or '\' into the logical name depending on the build machine.
        var actual = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var stream = assembly.GetManifestResourceStream(actual)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
