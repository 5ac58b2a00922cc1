using System.Security.Cryptography;
using System.Text;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// Reads scenarios from files and folders. In a folder, markdown files without <c>expect_category</c> (a README, the
/// baseline's notes) are not scenarios and are passed over; a named file without it, or any scenario with a bad
/// expectation, is a problem reported with its path so nothing is silently dropped.
/// </summary>
public static class ScenarioReader
{
    public sealed record ReadResult(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<string> Problems);

    public static ReadResult Read(IEnumerable<string> paths)
    {
        var scenarios = new List<Scenario>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in MarkdownFiles.Under(path).Order(StringComparer.Ordinal))
                {
                    ReadFile(file, RelativeId(path, file), mustBeScenario: false, scenarios, problems);
                }
            }
            else if (File.Exists(path))
            {
                ReadFile(path, System.IO.Path.GetFileNameWithoutExtension(path), mustBeScenario: true, scenarios, problems);
            }
            else
            {
                problems.Add($"{path}: no such file or folder");
            }
        }
        foreach (var duplicate in scenarios.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", duplicate.Select(s => s.Path))}: two scenarios with the id '{duplicate.Key}'");
        }
        return new ReadResult(scenarios, problems);
    }

    /// <summary>Parses one scenario; null with <paramref name="problems"/> filled when it is not a valid one.</summary>
    public static Scenario? Parse(string text, string id, string path, List<string> problems)
    {
        var document = IncidentDocument.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal), path);
        var fm = document.FrontMatter;
        var before = problems.Count;
        var category = fm["expect_category"];
        if (category is null)
        {
            problems.Add($"{path}: no expect_category in the front matter (a signature id, or '{Scenario.NoCategory}')");
        }
        var severity = fm["expect_severity"]?.ToUpperInvariant();
        if (severity is not ("SEV1" or "SEV2" or "SEV3" or "SEV4" or "SEV5"))
        {
            problems.Add($"{path}: expect_severity must be SEV1..SEV5 (got '{fm["expect_severity"]}')");
        }
        var form = fm["form"]?.ToLowerInvariant();
        if (form is null || !Scenario.Forms.Contains(form))
        {
            problems.Add($"{path}: form must be one of {string.Join(", ", Scenario.Forms)} (got '{fm["form"]}')");
        }
        var language = AnalysisLanguage.English;
        if (fm["lang"] is { } lang && !AnalysisLanguageExtensions.TryParse(lang, out language))
        {
            problems.Add($"{path}: lang must be en or zh (got '{lang}')");
        }
        IncidentContext? context = null;
        try
        {
            context = IncidentContextReader.Read(document);
        }
        catch (AnalysisException e)
        {
            problems.Add(e.Message);
        }
        if (problems.Count > before || context is null)
        {
            return null;
        }
        return new Scenario(
            id,
            path,
            Hash(text),
            context,
            category!,
            List(fm, "expect_any"),
            List(fm, "expect_evidence"),
            severity!,
            List(fm, "must_not_claim"),
            form!,
            fm["lang"] is null ? LanguageOf(context.RawContext) : language);
    }

    /// <summary>
    /// Chinese when the raw context holds Chinese prose (ten Chinese characters or more), not just a stray service name
    /// in English logs; pasted English logs around Chinese notes do not make it English.
    /// </summary>
    public static AnalysisLanguage LanguageOf(string text)
    {
        var han = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        return han >= 10 ? AnalysisLanguage.Chinese : AnalysisLanguage.English;
    }

    private static void ReadFile(string file, string id, bool mustBeScenario, List<Scenario> scenarios, List<string> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(file, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            problems.Add($"{file}: cannot be read ({e.Message})");
            return;
        }
        if (IncidentDocument.Parse(text, file).FrontMatter["expect_category"] is null)
        {
            if (mustBeScenario)
            {
                problems.Add($"{file}: not a scenario (no expect_category in its front matter)");
            }
            return;
        }
        if (Parse(text, id, file, problems) is { } scenario)
        {
            scenarios.Add(scenario);
        }
    }

    private static IReadOnlyList<string> List(FrontMatter fm, string key) =>
        fm.Find(key) is { } entry ? (entry.Items.Count > 0 ? entry.Items : entry.Value is { Length: > 0 } and not "[]" ? [entry.Value] : []) : [];

    private static string RelativeId(string root, string file)
    {
        var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relative[..^3] : relative;
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))))[..16];
}
