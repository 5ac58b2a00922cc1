using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>
/// One readable sentence: the main symptom with its numbers, then the leading cause and how sure we are. It names
/// things in words; it never quotes a JSON key, a bare number or a table row.
/// </summary>
internal static class SummaryWriter
{
    public static string Write(ContextFacts f, Hypothesis top, AnalysisLanguage l)
    {
        var symptom = MainSymptom(f, l);
        var conf = l.T(top.Confidence.ToString().ToLowerInvariant(), top.Confidence switch { Confidence.High => "高", Confidence.Medium => "中", _ => "低" });
        var cause = top.SignatureId is null
            ? l.T("no known failure signature matched, so the cause is still open (low confidence)", "未匹配任何已知故障模式，原因尚不明确（置信度低）")
            : l.T($"the most likely cause ({conf} confidence) is that {Lower(top.Title)}", $"最可能的原因（置信度{conf}）：{top.Title}");
        return symptom is null
            ? top.SignatureId is null ? l.T($"{Capitalize(top.Title)}.", $"{top.Title}。") : l.T($"{Capitalize(cause)}.", $"{cause}。")
            : l.T($"{symptom}; {cause}.", $"{symptom}；{cause}。");
    }

    private static string? MainSymptom(ContextFacts f, AnalysisLanguage l)
    {
        var who = f.Service ?? l.T("The service", "该服务");
        var metrics = f.MetricChanges.Where(m => m.Clause.Source is FactSource.Prose or FactSource.Chat or FactSource.Alert).Take(2)
            .Select(m => f.Service is { } s && m.Quote.StartsWith(s + " ", StringComparison.Ordinal) ? m.Quote[(s.Length + 1)..] : m.Quote).ToList();
        if (metrics.Count > 0)
        {
            return l.T($"{who}: {string.Join(" and ", metrics)}", $"{who}：{string.Join("，", metrics)}");
        }
        if (SubjectEvidence.Terminal(f) is { } state)
        {
            var restarts = f.Pods.Where(p => p.Clause.Relevance != Relevance.Elsewhere).Select(p => p.Restarts).DefaultIfEmpty(0).Max();
            var code = state.ExitCode is { } c ? l.T($" (exit code {c})", $"（退出码 {c}）") : "";
            var again = restarts > 1 ? l.T($", restarted {restarts} times", $"，已重启 {restarts} 次") : "";
            return state.IsLastState
                ? l.T($"{who}'s container was last terminated with {state.Reason}{code}{again}", $"{who} 的容器上次以 {state.Reason} 终止{code}{again}")
                : l.T($"{who} is in {state.Reason}{code}{again}", $"{who} 处于 {state.Reason}{code}{again}");
        }
        if (SubjectEvidence.LoudestWarning(f) is { } e)
        {
            var times = e.Count > 1 ? l.T($" {e.Count} times", $" {e.Count} 次") : "";
            return l.T($"Kubernetes reports {e.Reason} for {f.Service ?? "the service"}{times}: {SubjectEvidence.Code(e.Message)}", $"Kubernetes 报告 {who} 的 {e.Reason}{times}：{SubjectEvidence.Code(e.Message)}");
        }
        if (SubjectEvidence.MostSpecificError(f) is { } err)
        {
            return l.T($"{who} fails with {SubjectEvidence.Code(err.Message)}", $"{who} 报错 {SubjectEvidence.Code(err.Message)}");
        }
        if (f.Alerts.FirstOrDefault(a => a.Name is not null) is { Name: { } alertName })
        {
            // A Prometheus alert name is an identifier; a Datadog monitor name is a phrase and reads as a quote.
            var name = alertName.Contains(' ', StringComparison.Ordinal) ? SubjectEvidence.Code(alertName) : alertName;
            return l.T($"Alert {name} fired for {who}", $"{who} 触发告警 {name}");
        }
        return null;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Signature titles start with a name or an article; lower-case the article so it reads inside the sentence.</summary>
    private static string Lower(string title) =>
        title.StartsWith("A ", StringComparison.Ordinal) || title.StartsWith("An ", StringComparison.Ordinal) || title.StartsWith("The ", StringComparison.Ordinal) || title.StartsWith("Requests ", StringComparison.Ordinal) || title.StartsWith("One ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(title[0]) + title[1..]
            : title;
}
