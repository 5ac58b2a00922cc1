namespace LspTriage.Core.Analysis.Model;

/// <summary>
/// A postmortem skeleton filled from the evidence. Anything the context cannot tell holds <see cref="Placeholder"/>.
/// </summary>
public sealed record PostmortemDraft(
    string Summary,
    IReadOnlyList<string> Timeline,
    IReadOnlyList<string> Impact,
    string RootCause,
    string Detection,
    string Response,
    IReadOnlyList<string> WentWell,
    IReadOnlyList<string> WentPoorly,
    IReadOnlyList<string> ActionItems)
{
    public const string Placeholder = "[FILL IN]";

    public const string ChinesePlaceholder = "[待填写]";

    public static string PlaceholderFor(AnalysisLanguage language) => language.T(Placeholder, ChinesePlaceholder);

    /// <summary>The zone the timeline's times are in ("UTC", "UTC+8"), shown in its heading; null when unknown.</summary>
    public string? TimeZone { get; init; }
}
