using System.Text.Json;
using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// Validates a model's answer against the answer schema (Prompts/answer.schema.json) and maps it to an
/// <see cref="IncidentAnalysis"/>. Errors name the JSON path, so the repair prompt can quote them back to the model.
/// Evidence that is not a verbatim substring of the context is dropped and counted, never shown as a quote.
/// </summary>
internal static partial class AnswerParser
{
    private static readonly string[] Severities = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"];
    private static readonly string[] Priorities = ["P0", "P1", "P2", "P3"];

    [GeneratedRegex(@"^\s*```(?:json)?\s*(?<body>.*?)\s*```\s*$", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    public sealed record Result(IncidentAnalysis? Analysis, IReadOnlyList<string> Errors, int DroppedEvidence);

    public static Result Parse(string text, string context)
    {
        var errors = new List<string>();
        var body = Fenced().Match(text) is { Success: true } f ? f.Groups["body"].Value : text.Trim();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new Result(null, [$"$: not valid JSON ({e.Message.Split('.')[0]})"], 0);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, ["$: must be an object"], 0);
            }
            var dropped = 0;
            var summary = Str(root, "summary", "$", errors);
            var sevObj = Obj(root, "severity", "$", errors);
            var level = sevObj is { } so ? Str(so, "level", "$.severity", errors) : "";
            if (sevObj is not null && level.Length > 0 && !Severities.Contains(level))
            {
                errors.Add($"$.severity.level: must be one of {string.Join(", ", Severities)}");
            }
            var reasoning = sevObj is { } so2 ? Str(so2, "reasoning", "$.severity", errors) : "";

            var hypotheses = new List<Hypothesis>();
            foreach (var (h, path) in Arr(root, "hypotheses", "$", errors, minItems: 1))
            {
                var title = Str(h, "title", path, errors);
                var conf = Str(h, "confidence", path, errors).ToLowerInvariant();
                Confidence confidence = conf switch { "high" => Confidence.High, "medium" => Confidence.Medium, "low" => Confidence.Low, _ => Confidence.Low };
                if (conf is not ("high" or "medium" or "low") && h.TryGetProperty("confidence", out _))
                {
                    errors.Add($"{path}.confidence: must be high, medium or low");
                }
                var evidence = new List<string>();
                foreach (var e in StrArr(h, "evidence", path, errors, Shape.Verbatim))
                {
                    if (e.Length > 0 && context.Contains(e, StringComparison.Ordinal))
                    {
                        evidence.Add(e);
                    }
                    else
                    {
                        dropped++;
                    }
                }
                var refutation = Str(h, "refutation", path, errors);
                var signature = h.TryGetProperty("signature", out var sig) && sig.ValueKind == JsonValueKind.String ? sig.GetString() : null;
                // A claim whose quotes were all invented has no support left: it cannot stay high or medium.
                hypotheses.Add(new Hypothesis(title, evidence.Count == 0 ? Confidence.Low : confidence, evidence, refutation, signature));
            }

            var checklist = Arr(root, "checklist", "$", errors, minItems: 1)
                .Select(x => new ChecklistStep(Str(x.Item, "step", x.Path, errors), Str(x.Item, "command", x.Path, errors, Shape.Command), Str(x.Item, "expected", x.Path, errors))).ToList();
            var mitigations = Arr(root, "mitigations", "$", errors, minItems: 1)
                .Select(x => new MitigationStep(Str(x.Item, "action", x.Path, errors), Str(x.Item, "risk", x.Path, errors), Str(x.Item, "rollback", x.Path, errors))).ToList();
            var impact = Str(root, "customer_impact", "$", errors);

            PostmortemDraft? draft = null;
            if (Obj(root, "postmortem_draft", "$", errors) is { } d)
            {
                const string p = "$.postmortem_draft";
                draft = new PostmortemDraft(
                    Str(d, "summary", p, errors, Shape.Paragraphs), StrArr(d, "timeline", p, errors), StrArr(d, "impact", p, errors),
                    Str(d, "root_cause", p, errors, Shape.Paragraphs), Str(d, "detection", p, errors, Shape.Paragraphs), Str(d, "response", p, errors, Shape.Paragraphs),
                    StrArr(d, "went_well", p, errors), StrArr(d, "went_poorly", p, errors), StrArr(d, "action_items", p, errors));
            }
            var followUps = new List<FollowUp>();
            foreach (var (x, path) in Arr(root, "follow_ups", "$", errors, minItems: 0))
            {
                var prio = Str(x, "priority", path, errors).ToUpperInvariant();
                if (prio.Length > 0 && !Priorities.Contains(prio))
                {
                    errors.Add($"{path}.priority: must be one of P0, P1, P2, P3");
                }
                followUps.Add(new FollowUp(prio, Str(x, "action", path, errors), Str(x, "owner", path, errors)));
            }

            if (errors.Count > 0 || draft is null)
            {
                return new Result(null, errors, dropped);
            }
            var analysis = new IncidentAnalysis(summary, new SeverityAssessment(level, reasoning), hypotheses, checklist, mitigations, impact, draft, followUps,
                new RunInfo("openai", "", "", "", 0, 0, 0, null, []));
            return new Result(analysis, errors, dropped);
        }
    }

    /// <summary>How a string of the answer becomes markdown: every prose string is made inert (<see cref="ModelText"/>);
    /// a command and a quote are kept as written (a quote must match the context), and the renderer puts them in code,
    /// where nothing renders; a command only loses a line that would read as a block marker.</summary>
    private enum Shape
    {
        Line,
        Paragraphs,
        Command,
        Verbatim,
    }

    private static string Shaped(string text, Shape shape) => shape switch
    {
        Shape.Line => ModelText.Line(text),
        Shape.Paragraphs => ModelText.Inert(text),
        Shape.Command => ModelText.Command(text),
        _ => text,
    };

    private static string Str(JsonElement obj, string name, string path, List<string> errors, Shape shape = Shape.Line)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"{path}.{name}: required");
            return "";
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: must be a string");
            return "";
        }
        var s = v.GetString()!.Trim();
        if (s.Length == 0)
        {
            errors.Add($"{path}.{name}: must not be empty");
        }
        return Shaped(s, shape);
    }

    private static JsonElement? Obj(JsonElement obj, string name, string path, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"{path}.{name}: required");
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}.{name}: must be an object");
            return null;
        }
        return v;
    }

    private static List<(JsonElement Item, string Path)> Arr(JsonElement obj, string name, string path, List<string> errors, int minItems)
    {
        var result = new List<(JsonElement, string)>();
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"{path}.{name}: required");
            return result;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.{name}: must be an array");
            return result;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var p = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{p}: must be an object");
                continue;
            }
            result.Add((item, p));
        }
        if (i < minItems)
        {
            errors.Add($"{path}.{name}: needs at least {minItems} item(s)");
        }
        return result;
    }

    private static List<string> StrArr(JsonElement obj, string name, string path, List<string> errors, Shape shape = Shape.Line)
    {
        var result = new List<string>();
        if (!obj.TryGetProperty(name, out var v))
        {
            errors.Add($"{path}.{name}: required");
            return result;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.{name}: must be an array of strings");
            return result;
        }
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(Shaped(item.GetString()!.Trim(), shape));
            }
            else
            {
                errors.Add($"{path}.{name}: must be an array of strings");
                break;
            }
        }
        return result;
    }
}
