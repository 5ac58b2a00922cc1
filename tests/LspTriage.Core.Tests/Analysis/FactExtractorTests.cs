using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Tests.Analysis;

public sealed class FactExtractorTests
{
    [Fact]
    public void Clauses_are_verbatim_and_split_on_sentences_and_inline_list_items_but_not_inside_quotes()
    {
        var facts = FactExtractor.Extract(SeedContext.Raw);
        Assert.All(facts.Clauses, c => Assert.Equal(c.Text, SeedContext.Raw.Substring(c.Start, c.Text.Length)));
        Assert.Contains(facts.Clauses, c => c.Text == "active_connections: 500 / 500 (max_connections)");
        Assert.Contains(facts.Clauses, c => c.Text == "Changelog mentions \"added nightly settlement batch (cron: */30 * * * *)\"");
    }

    [Fact]
    public void Metric_changes_are_quoted_without_their_leading_time()
    {
        var facts = FactExtractor.Extract("14:02 UTC — checkout p99 latency jumped from 120ms to 4.8s.\n02:01 开始 order-svc 缓存命中率从 97% 降到 3%");
        Assert.Equal(["checkout p99 latency jumped from 120ms to 4.8s", "开始 order-svc 缓存命中率从 97% 降到 3%"], facts.MetricChanges.Select(m => m.Quote).ToArray());
        Assert.Equal("4.8s", facts.MetricChanges[0].To);
    }

    [Theory]
    [InlineData("Time: 14:02 UTC. api errors rose.", "UTC")]
    [InlineData("21:40 UTC+8 发布 V58。21:41 起大量超时。", "UTC+8")]
    [InlineData("2026-06-02T14:02:11Z ERROR upstream timeout", "UTC")]
    [InlineData("14:02 errors rose; 14:05 pager fired.", null)]
    public void The_context_time_zone_is_read_never_assumed(string raw, string? zone)
    {
        Assert.Equal(zone, FactExtractor.Extract(raw).Zone);
    }

    [Fact]
    public void Durations_and_certificate_dates_are_not_timeline_events()
    {
        var facts = FactExtractor.Extract("replay_lag 00:02:41 for replica-2 and 00:02:37 for replica-3\nnotAfter=Feb  1 00:00:00 2026 GMT\n15:22 UTC support: customers see stale balances");
        Assert.Equal(["15:22"], facts.Timeline.Select(e => e.TimeText).ToArray());
    }

    [Fact]
    public void Error_rate_belongs_to_error_words_and_success_drops_count_as_failures()
    {
        var facts = FactExtractor.Extract("pods CPU 97%; 5xx rate 22%\nlogin success rate drops from 99.6% to 88%");
        Assert.Equal(22, facts.ErrorRatePercent);
        Assert.Equal(12, facts.FailureFromSuccessRate!.Value, 3);
        Assert.Equal("login success rate drops from 99.6% to 88%", facts.SuccessRateDrop!.Quote);
    }

    [Theory]
    [InlineData("SES sending fine, no throttling, bounces normal", true)]
    [InlineData("the API answers 200s, we are not throttled", true)]
    [InlineData("no throttling periods on the node, but CPU is pegged", false)]
    [InlineData("the provider is throttling us since 10:02", false)]
    public void Throttling_said_to_be_absent_rules_rate_limiting_out(string prose, bool ruledOut)
    {
        Assert.Equal(ruledOut, FactExtractor.Extract(prose).RuledOut.Any(r => r.Topic == "rate-limit"));
    }

    [Fact]
    public void Statements_that_rule_causes_out_are_read_unless_retracted()
    {
        var facts = FactExtractor.Extract("CPU: 35% (normal)\nNo deploys in the last 3 days.\nTraffic is flat compared to last Thursday.\n\"DB looks healthy, CPU is fine\" (initial mis-diagnosis)");
        Assert.Equal(["cpu", "deploy", "traffic"], facts.RuledOut.Select(r => r.Topic).Order().ToArray());
        Assert.DoesNotContain(facts.RuledOut, r => r.Clause.Text.Contains("mis-diagnosis"));
    }

    [Fact]
    public void Services_and_dependencies_are_named()
    {
        var facts = FactExtractor.Extract(SeedContext.Raw);
        Assert.Equal(["payment-svc", "postgres-primary"], facts.Services.ToArray());
        Assert.Equal(("payment-svc", "postgres-primary"), Assert.Single(facts.Dependencies));
    }
}

/// <summary>The readers for tool output: what printed each line, what it says, and what is noise.</summary>
public sealed class InputReaderTests
{
    private const string Describe = """
        Name:             report-builder-6c9f7d8b4-qx2lm
        Namespace:        analytics
        Containers:
          report-builder:
            State:          Running
              Started:      Tue, 14 Apr 2026 10:41:55 +0000
            Last State:     Terminated
              Reason:       OOMKilled
              Exit Code:    137
            Restart Count:  7
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8xk2p (ro)
        Volumes:
          kube-api-access-8xk2p:
            ConfigMapName:           kube-root-ca.crt
        QoS Class:                   Guaranteed
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
        Events:
          Type     Reason   Age                From     Message
          ----     ------   ----               ----     -------
          Warning  BackOff  3m (x14 over 60m)  kubelet  Back-off restarting failed container report-builder in pod report-builder-6c9f7d8b4-qx2lm_analytics
        """;

    [Fact]
    public void Describe_blocks_give_the_last_state_with_its_exit_code_and_events_with_their_counts()
    {
        var f = FactExtractor.Extract(Describe);
        var state = Assert.Single(f.States);
        Assert.Equal(("OOMKilled", 137, true), (state.Reason, state.ExitCode, state.IsLastState));
        var e = Assert.Single(f.Events);
        Assert.Equal(("Warning", "BackOff", 14), (e.Type, e.Reason, e.Count));
        Assert.Equal(["report-builder", "report-builder-6c9f7d8b4-qx2lm"], f.Subject.Names);
        Assert.Equal("analytics", f.Subject.Namespace);
    }

    [Fact]
    public void Boilerplate_and_column_headers_are_not_clauses()
    {
        var f = FactExtractor.Extract(Describe + "\nNAMESPACE   NAME                READY   STATUS    RESTARTS   AGE\nanalytics   report-builder-x    1/1     Running   7          2d\n");
        Assert.DoesNotContain(f.Clauses, c => c.Text.Contains("kube-root-ca.crt") || c.Text.Contains("kube-api-access") || c.Text.Contains("QoS") || c.Text.Contains("Tolerations") || c.Text.Contains("RESTARTS") || c.Text.StartsWith("----"));
        var pod = Assert.Single(f.Pods);
        Assert.Equal(("report-builder-x", "Running", 7), (pod.Name, pod.Status, pod.Restarts));
    }

    [Fact]
    public void Repeated_log_lines_fold_into_one_with_a_count_and_their_last_time()
    {
        var f = FactExtractor.Extract("""
            2026-07-01T08:14:22Z INFO  GET /healthz 200 2ms
            2026-07-01T08:14:52Z INFO  GET /healthz 200 1ms
            2026-07-01T08:15:04Z ERROR quote failed: timeout after 3000ms
            2026-07-01T08:15:22Z INFO  GET /healthz 200 1ms
            """);
        var health = Assert.Single(f.Clauses, c => c.Text.Contains("/healthz"));
        Assert.Equal(3, health.Count);
        Assert.Equal("08:14:22", health.TimeText);
        Assert.Equal("08:15:22", health.LastTimeText);
        Assert.Equal(FactSource.Log, health.Source);
        Assert.Equal("quote failed: timeout after 3000ms", Assert.Single(f.Errors).Message);
    }

    [Fact]
    public void Lengths_of_time_are_not_times_of_day()
    {
        var f = FactExtractor.Extract("the backfill ran for 3:02:30 before it was killed\nbuild took 5m30s\n14:05 UTC alert fired");
        Assert.Equal(["14:05"], f.Timeline.Select(e => e.TimeText).ToArray());
    }

    [Fact]
    public void Alert_payloads_name_the_subject_from_their_labels_whatever_the_vendor()
    {
        var alertmanager = FactExtractor.Extract("""
            {"status":"firing","alerts":[{"status":"firing","labels":{"alertname":"KubePodCrashLooping","namespace":"payments","pod":"ledger-api-7f6d9c8b5-2hx9k","job":"kube-state-metrics"},"annotations":{"summary":"Pod is crash looping."}}]}
            """);
        Assert.Equal("KubePodCrashLooping", Assert.Single(alertmanager.Alerts).Name);
        Assert.Equal("ledger-api", alertmanager.Subject.Primary);
        Assert.Equal("payments", alertmanager.Subject.Namespace);
        Assert.DoesNotContain("kube-state-metrics", alertmanager.Subject.Names);

        var datadog = FactExtractor.Extract("""
            {
              "alert_title": "[Triggered] High error rate on checkout",
              "tags": "env:prod,service:checkout,kube_namespace:shop"
            }
            """);
        Assert.Equal("checkout", datadog.Subject.Primary);
        Assert.Equal("shop", datadog.Subject.Namespace);

        var pagerduty = FactExtractor.Extract("""
            {"event": {"event_type": "incident.triggered", "data": {"title": "Disk almost full", "service": {"summary": "search-indexer"}}}}
            """);
        Assert.Equal("search-indexer", pagerduty.Subject.Primary);
    }

    [Theory]
    [InlineData("[P1] [Triggered] Orders with unit price < 5% of list price", "Orders with unit price < 5% of list price", "triggered")]
    [InlineData("[Triggered on {host:web-3}] Disk almost full on web-3", "Disk almost full on web-3", "triggered")]
    [InlineData("[Recovered] [P2] Checkout error rate above 5%", "Checkout error rate above 5%", "recovered")]
    public void A_pasted_Datadog_notification_subject_is_an_alert(string subject, string name, string status)
    {
        var alert = Assert.Single(FactExtractor.Extract(subject + "\nMonitor query: sum(last_30m):sum:orders.count{env:prod} > 20").Alerts);
        Assert.Equal(name, alert.Name);
        Assert.Equal(status, alert.Status);
        Assert.Empty(FactExtractor.Extract("[10:02] alice: [Triggered] is what the page said").Alerts);
    }

    [Fact]
    public void A_recovered_panic_is_quoted_by_its_panic_field_not_by_the_whole_line()
    {
        var f = FactExtractor.Extract("2026-10-07T13:01:53.698Z\tERROR\tworker/run.go:102\tjob panicked, recovered\t{\"job\":\"exp-88213\",\"panic\":\"runtime error: slice bounds out of range [:-1]\",\"stack\":\"goroutine 4127 [running]:\"}");
        Assert.Equal("runtime error: slice bounds out of range [:-1]", Assert.Single(f.Errors).Message);
    }

    [Fact]
    public void Clauses_about_other_pods_and_the_tooling_are_marked_so()
    {
        var f = FactExtractor.Extract("""
            NAMESPACE   NAME                          READY   STATUS             RESTARTS   AGE
            payments    ledger-api-7f6d9c8b5-2hx9k    0/1     CrashLoopBackOff   9          24m
            search      indexer-6d8f7b9c4-t5r2w       0/1     Error              3          6d
            Grafana: Post "http://prometheus-k8s.monitoring.svc:9090/api/v1/query_range": dial tcp: lookup prometheus-k8s.monitoring.svc: no such host
            """, service: "ledger-api");
        Assert.Equal(Relevance.Subject, f.Clauses.Single(c => c.Text.StartsWith("payments")).Relevance);
        Assert.Equal(Relevance.Elsewhere, f.Clauses.Single(c => c.Text.StartsWith("search")).Relevance);
        Assert.Equal(Relevance.Tooling, f.Clauses.Single(c => c.Text.StartsWith("Grafana")).Relevance);
    }

    [Fact]
    public void Chat_json_and_logfmt_lines_are_told_apart_and_error_messages_read_from_their_fields()
    {
        var f = FactExtractor.Extract("""
            [10:02] maria: profile-api is throwing 500s
            time=2026-02-11T10:01:58Z level=error msg="dial tcp 10.12.4.7:3306: connect: connection refused" component=store
            {"ts":"2026-09-02T13:41:07Z","level":"error","msg":"upstream reset before headers"}
            """);
        Assert.Equal([FactSource.Chat, FactSource.Log, FactSource.Log], f.Clauses.Select(c => c.Source).ToArray());
        Assert.Equal(["dial tcp 10.12.4.7:3306: connect: connection refused", "upstream reset before headers"], f.Errors.Select(e => e.Message).ToArray());
    }

    [Fact]
    public void Trace_trees_give_spans_with_durations()
    {
        var f = FactExtractor.Extract("checkout-api  POST /api/v1/checkout   6.21s\n├─ auth.verify   12ms\n└─ pg.query SELECT orders   5.94s");
        Assert.Equal([6210, 12, 5940], f.Spans.Select(s => s.Milliseconds).ToArray());
        Assert.Equal("pg.query SELECT orders", f.Spans[2].Name);
    }
}
