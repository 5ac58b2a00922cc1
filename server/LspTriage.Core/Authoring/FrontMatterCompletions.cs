using System.Globalization;
using LspTriage.Core.Documents.Templates;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>Front matter keys we read, and their values: severities, kinds, statuses, templates, now, services and owners.</summary>
internal static class FrontMatterCompletions
{
    private static readonly (string Key, string Doc)[] Keys =
    [
        ("service", "The affected service, as the team names it."),
        ("created", "When the incident started, ISO 8601 in UTC."),
        ("severity", "SEV1 (most severe) to SEV5."),
        ("kind", "incident while it is open, postmortem for the write-up."),
        ("status", "draft, in-review or published."),
        ("owner", "Who owns the write-up."),
        ("template", "The postmortem template: lsptriage, google-sre, atlassian or pagerduty."),
        ("title", "The title, when the document has no level-1 heading."),
        ("id", "The incident's id in your tracker (INC-1234)."),
    ];

    private static readonly string[] Severities =
    [
        "Critical: customers cannot use a core feature, or data is at risk",
        "Major: a core feature is degraded for many customers",
        "Minor: a non-core feature is degraded, or a core one for a few customers",
        "Low: cosmetic, or caught before customers noticed",
        "Informational: a near miss worth writing down",
    ];

    public static SuggestionList? Provide(CompletionRequest request)
    {
        var frontMatter = request.Document.FrontMatter;
        var line = request.Position.Line;
        if (!frontMatter.IsPresent || line == 0 || line >= request.Document.Lines.PositionAt(frontMatter.Span.End).Line)
        {
            return null;
        }
        var prefix = request.LinePrefix;
        var colon = prefix.IndexOf(':');
        if (colon < 0)
        {
            return prefix.StartsWith(' ') || prefix.StartsWith('-') ? SuggestionList.Empty : KeysFor(request);
        }
        var key = prefix[..colon].Trim();
        var valueStart = request.LineStart + colon + 1;
        var needsSpace = valueStart == request.Offset;
        while (valueStart < request.Offset && request.Document.Text[valueStart] == ' ')
        {
            valueStart++;
        }
        var replace = TextSpan.FromBounds(valueStart, request.Offset);
        var space = needsSpace ? " " : "";
        Suggestion Value(string value, string? detail = null, int order = 0) =>
            new(value, space + value, SuggestionKind.Value, replace) { Detail = detail, SortText = order.ToString("D3", CultureInfo.InvariantCulture), FilterText = value };

        IEnumerable<Suggestion> values = key.ToLowerInvariant() switch
        {
            "severity" => Severities.Select((doc, i) => Value($"SEV{i + 1}", doc, i)),
            "kind" => [Value("incident", "An open or recent incident: raw context and analysis"), Value("postmortem", "The write-up after the incident", 1)],
            "status" => [Value("draft"), Value("in-review", order: 1), Value("published", order: 2)],
            "template" => TemplateProfiles.All.Select((t, i) => Value(t.Id, $"{t.DisplayName} postmortem template", i)),
            "created" => [Value(request.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "Now, in UTC")],
            "service" => request.History.Services.Select((s, i) => Value(s, "Named in past incidents", i)),
            "owner" => request.History.Owners.Select((o, i) => Value(o, "Owns action items in past incidents", i)),
            _ => [],
        };
        return new SuggestionList([.. values]);
    }

    private static SuggestionList KeysFor(CompletionRequest request)
    {
        var present = request.Document.FrontMatter.Entries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replace = TextSpan.FromBounds(request.LineStart, request.Offset);
        return new SuggestionList(Keys
            .Where(k => !present.Contains(k.Key) || request.LinePrefix.Trim().Equals(k.Key, StringComparison.OrdinalIgnoreCase))
            .Select((k, i) => new Suggestion(k.Key, k.Key + ": ", SuggestionKind.FrontMatterKey, replace)
            {
                Documentation = k.Doc,
                SortText = i.ToString("D3", CultureInfo.InvariantCulture),
            })
            .ToArray());
    }
}
