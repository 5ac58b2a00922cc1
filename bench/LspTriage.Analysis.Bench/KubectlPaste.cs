using System.Text;

namespace LspTriage.Analysis.Bench;

/// <summary>
/// A generated paste of the shape on-call engineers send: <c>kubectl get pods -A</c> over a busy cluster, a
/// <c>describe pod</c> with its boilerplate and events, then application logs full of health checks and a repeated
/// error. Deterministic, so runs compare.
/// </summary>
internal static class KubectlPaste
{
    public static string Generate(int lines)
    {
        var sb = new StringBuilder();
        var n = 0;
        void Line(string s)
        {
            sb.Append(s).Append('\n');
            n++;
        }
        Line("$ kubectl get pods -A");
        Line("NAMESPACE       NAME                                       READY   STATUS             RESTARTS        AGE");
        var namespaces = new[] { "payments", "search", "shop", "data", "kube-system", "monitoring", "ingress-nginx" };
        for (var i = 0; i < lines / 10; i++)
        {
            var ns = namespaces[i % namespaces.Length];
            var failing = i == 3;
            Line($"{ns,-15} {(failing ? "ledger-api" : $"svc-{i:000}"),-10}-7f6d9c8b5-{i:x5}          {(failing ? "0/1" : "1/1")}     {(failing ? "CrashLoopBackOff" : "Running"),-16}   {(failing ? "9 (2m ago)" : "0"),-15} {i % 40 + 1}d");
        }
        Line("$ kubectl describe pod ledger-api-7f6d9c8b5-00003 -n payments");
        foreach (var l in new[]
        {
            "Name:             ledger-api-7f6d9c8b5-00003", "Namespace:        payments", "Priority:         0", "Containers:", "  ledger-api:",
            "    State:          Waiting", "      Reason:       CrashLoopBackOff", "    Last State:     Terminated", "      Reason:       OOMKilled",
            "      Exit Code:    137", "    Restart Count:  9", "    Mounts:", "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8xk2p (ro)",
            "Volumes:", "  kube-api-access-8xk2p:", "    ConfigMapName:           kube-root-ca.crt", "QoS Class:                   Burstable",
            "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s", "Events:",
            "  Type     Reason   Age                 From     Message", "  ----     ------   ----                ----     -------",
            "  Warning  BackOff  13s (x103 over 24m) kubelet  Back-off restarting failed container ledger-api in pod ledger-api-7f6d9c8b5-00003_payments",
        })
        {
            Line(l);
        }
        Line("$ kubectl logs ledger-api-7f6d9c8b5-00003 -n payments --previous");
        for (var i = 0; n < lines; i++)
        {
            var t = $"2026-06-02T14:{i / 60 % 60:00}:{i % 60:00}.{i * 7 % 1000:000}Z";
            Line(i % 25 == 24
                ? $"{t} ERROR ledger: failed to load batch {i}: java.lang.OutOfMemoryError: Java heap space"
                : i % 3 == 0
                    ? $"{t} INFO  GET /healthz 200 {i % 5 + 1}ms"
                    : $"{t} INFO  ledger: processed batch {i} entries={i * 13 % 900} duration_ms={i * 7 % 400}");
        }
        return sb.ToString();
    }
}
