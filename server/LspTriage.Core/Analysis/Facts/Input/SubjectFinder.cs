using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Finds what the incident is about, most specific first: the front-matter service, the alerted workload's labels,
/// resources the title names that the context shows, and the pod a single <c>describe</c> shows.
/// </summary>
internal static partial class SubjectFinder
{
    /// <summary>Label keys naming a workload, most specific first. <c>job</c> is absent: in Prometheus it names the scrape job.</summary>
    private static readonly string[] WorkloadKeys =
        ["deployment", "kube_deployment", "statefulset", "daemonset", "cronjob", "job_name", "app", "app_kubernetes_io_name", "service", "container", "pod", "pod_name"];

    [GeneratedRegex(@"kube-state-metrics|prometheus|node-exporter|alertmanager|grafana|blackbox|^kubernetes$")]
    private static partial Regex MonitoringComponent();

    [GeneratedRegex(@"(?<![\w.-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")]
    private static partial Regex ResourceName();

    /// <summary>Pod-name suffixes: ReplicaSet hash + id, CronJob schedule + id, StatefulSet ordinal, DaemonSet/Job id.</summary>
    [GeneratedRegex(@"(-[a-z0-9]{8,10}-[a-z0-9]{5}|-\d{8}-[a-z0-9]{5}|-[a-z0-9]{5}|-\d+)$")]
    private static partial Regex PodSuffix();

    /// <param name="failingPods">Pods of <c>get pods</c> that are not running: the subject when nothing else names one.</param>
    public static Subject Find(string? title, string? service, IReadOnlyList<AlertFact> alerts, IReadOnlyList<(string Pod, string? Namespace)> describedPods, IReadOnlyList<string> failingPods, string raw)
    {
        var names = new List<string>();
        void Add(string? name)
        {
            if (name is null || name.Length < 3 || MonitoringComponent().IsMatch(name) || names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }
            names.Add(name);
        }
        Add(service);
        string? ns = null;
        foreach (var alert in alerts.Where(a => !string.Equals(a.Status, "resolved", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var key in WorkloadKeys)
            {
                if (alert.Labels.TryGetValue(key, out var v))
                {
                    Add(key is "pod" or "pod_name" ? BaseName(v) : v);
                    if (key is "pod" or "pod_name")
                    {
                        Add(v);
                    }
                }
            }
            ns ??= alert.Labels.GetValueOrDefault("namespace") ?? alert.Labels.GetValueOrDefault("kube_namespace");
        }
        if (title is not null)
        {
            foreach (Match m in ResourceName().Matches(title))
            {
                if (raw.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                {
                    Add(m.Value);
                }
            }
        }
        if (names.Count == 0 && describedPods.Count == 1)
        {
            Add(BaseName(describedPods[0].Pod));
            Add(describedPods[0].Pod);
            ns ??= describedPods[0].Namespace;
        }
        // Nothing names the subject: the workloads whose pods are not running are what the paste is about.
        var failingWorkloads = failingPods.Select(BaseName).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 && failingWorkloads.Count is > 0 and <= 2)
        {
            failingWorkloads.ForEach(Add);
        }
        return names.Count == 0 && ns is null ? Subject.Unknown : new Subject(names, ns);
    }

    /// <summary>"checkout-7d9f8c6b5-x2k4q" → "checkout": the workload a pod belongs to.</summary>
    public static string BaseName(string pod)
    {
        var m = PodSuffix().Match(pod);
        return m.Success && m.Index > 2 ? pod[..m.Index] : pod;
    }
}
