using System.Text.Json;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Alerts from webhook payloads (Alertmanager/Prometheus <c>labels</c> and <c>annotations</c>, Datadog <c>tags</c> and
/// <c>alert_title</c>, PagerDuty <c>event.data</c>) and from Alertmanager messages (<c>[FIRING:1] … alertname=… pod=…</c>).
/// The walk is generic: whatever the vendor, an alert names its labels with the same few keys.
/// </summary>
internal static partial class AlertReader
{
    private static readonly HashSet<string> LabelKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "alertname", "namespace", "pod", "deployment", "statefulset", "daemonset", "cronjob", "job_name", "container",
        "service", "app", "app_kubernetes_io_name", "kube_deployment", "kube_namespace", "pod_name", "instance", "severity",
        "queue", "topic", "database", "db", "host",
    };

    private static readonly HashSet<string> SummaryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "summary", "description", "title", "alert_title", "message", "text",
    };

    [GeneratedRegex(@"\b(?<k>alertname|namespace|pod|deployment|statefulset|cronjob|job_name|container|service|app|severity)\s*(=|:)\s*""?(?<v>[\w./-]+)""?")]
    private static partial Regex TextLabel();

    [GeneratedRegex(@"\[(?<status>FIRING|RESOLVED)(:\d+)?\]\s*(?<name>[\w.-]+)?")]
    private static partial Regex TextStatus();

    /// <summary>The subject line of a Datadog notification (email, Slack, a PagerDuty incident it opened):
    /// "[P1] [Triggered] Orders with unit price &lt; 5% of list price", "[Triggered on {host:web-3}] Disk almost full".</summary>
    [GeneratedRegex(@"^\s*(\[P[1-5]\]\s*)?\[(?<status>Triggered|Re-Triggered|Warn|Recovered|No Data)( on [^\]]*)?\]\s*(\[P[1-5]\]\s*)?(?<name>\S.{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex NotificationTitle();

    public static IReadOnlyList<AlertFact> Read(string raw, ScannedLines lines)
    {
        var alerts = new List<AlertFact>();
        var all = lines.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Source != FactSource.Alert)
            {
                continue;
            }
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Source == FactSource.Alert)
            {
                j++;
            }
            ReadJson(raw[all[i].Start..all[j].End], alerts);
            i = j;
        }
        ReadText(raw, lines, alerts);
        return alerts;
    }

    private static void ReadJson(string json, List<AlertFact> alerts)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? summary = null;
            string? status = null;
            // Alertmanager groups several alerts; each has its own labels, so read each one on its own.
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("alerts", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
            {
                foreach (var alert in list.EnumerateArray())
                {
                    var l = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    string? s = null;
                    string? st = null;
                    Walk(alert, l, ref s, ref st, 0);
                    alerts.Add(new AlertFact(l.GetValueOrDefault("alertname"), st, l, s));
                }
                return;
            }
            Walk(doc.RootElement, labels, ref summary, ref status, 0);
            if (labels.Count > 0 || summary is not null)
            {
                alerts.Add(new AlertFact(labels.GetValueOrDefault("alertname") ?? summary, status, labels, summary));
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (a pasted fragment); its lines still count as text.
        }
    }

    private static void Walk(JsonElement e, Dictionary<string, string> labels, ref string? summary, ref string? status, int depth)
    {
        if (depth > 8)
        {
            return;
        }
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Walk(item, labels, ref summary, ref status, depth + 1);
            }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var p in e.EnumerateObject())
        {
            var key = p.Name;
            var v = p.Value;
            if (v.ValueKind == JsonValueKind.String)
            {
                var s = v.GetString() ?? "";
                if (LabelKeys.Contains(key) && s.Length > 0)
                {
                    labels.TryAdd(key, s);
                }
                else if (SummaryKeys.Contains(key) && s.Length > 0)
                {
                    summary ??= s;
                }
                else if (key.Equals("status", StringComparison.OrdinalIgnoreCase) || key.Equals("state", StringComparison.OrdinalIgnoreCase))
                {
                    status ??= s;
                }
                else if (key.Equals("tags", StringComparison.OrdinalIgnoreCase))
                {
                    Tags(s.Split(','), labels);
                }
            }
            else if (key.Equals("tags", StringComparison.OrdinalIgnoreCase) && v.ValueKind == JsonValueKind.Array)
            {
                Tags(v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? ""), labels);
            }
            else if (key.Equals("service", StringComparison.OrdinalIgnoreCase) && v.ValueKind == JsonValueKind.Object)
            {
                // PagerDuty: "service": { "summary": "checkout" }
                foreach (var name in new[] { "summary", "name" })
                {
                    if (v.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } sn)
                    {
                        labels.TryAdd("service", sn);
                        break;
                    }
                }
            }
            else
            {
                Walk(v, labels, ref summary, ref status, depth + 1);
            }
        }
    }

    /// <summary>Datadog tags: "kube_deployment:checkout", "service:checkout".</summary>
    private static void Tags(IEnumerable<string> tags, Dictionary<string, string> labels)
    {
        foreach (var t in tags)
        {
            var colon = t.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && LabelKeys.Contains(t[..colon].Trim()))
            {
                labels.TryAdd(t[..colon].Trim(), t[(colon + 1)..].Trim());
            }
        }
    }

    private static void ReadText(string raw, ScannedLines lines, List<AlertFact> alerts)
    {
        foreach (var line in lines.All)
        {
            if (line.Source == FactSource.Alert || line.End - line.Start < 10)
            {
                continue;
            }
            var text = raw[line.Start..line.End];
            if (NotificationTitle().Match(text) is { Success: true } title)
            {
                alerts.Add(new AlertFact(title.Groups["name"].Value.Trim(), title.Groups["status"].Value.ToLowerInvariant(), new Dictionary<string, string>(), null));
                continue;
            }
            if (!text.Contains("alertname", StringComparison.Ordinal) && !text.Contains("FIRING", StringComparison.Ordinal))
            {
                continue;
            }
            var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match m in TextLabel().Matches(text))
            {
                labels.TryAdd(m.Groups["k"].Value, m.Groups["v"].Value);
            }
            var status = TextStatus().Match(text);
            if (status.Success && status.Groups["name"].Success)
            {
                labels.TryAdd("alertname", status.Groups["name"].Value);
            }
            if (labels.Count > 0)
            {
                alerts.Add(new AlertFact(labels.GetValueOrDefault("alertname"), status.Success ? status.Groups["status"].Value.ToLowerInvariant() : null, labels, null));
            }
        }
    }
}
