namespace LspTriage.Core.Analysis;

/// <summary>Output language of the generated prose. Evidence quotes stay verbatim whatever the language.</summary>
public enum AnalysisLanguage
{
    English,
    Chinese,
}

public static class AnalysisLanguageExtensions
{
    public static string Code(this AnalysisLanguage language) => language == AnalysisLanguage.Chinese ? "zh" : "en";

    public static bool TryParse(string? code, out AnalysisLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "en" or "english":
                language = AnalysisLanguage.English;
                return true;
            case "zh" or "zh-cn" or "chinese" or "中文":
                language = AnalysisLanguage.Chinese;
                return true;
            default:
                language = AnalysisLanguage.English;
                return false;
        }
    }

    internal static string T(this AnalysisLanguage language, string en, string zh) =>
        language == AnalysisLanguage.Chinese ? zh : en;
}
