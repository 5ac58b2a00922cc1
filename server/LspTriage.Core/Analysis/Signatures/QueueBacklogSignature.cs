using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Consumers falling behind producers: growing queue depth or consumer lag.</summary>
internal sealed partial class QueueBacklogSignature : FailureSignature
{
    public override string Id => "queue-backlog";

    [GeneratedRegex(@"backlog|queue (depth|length|size)|consumer lag|messages? (waiting|pending|behind|ready)|unacked|ApproximateNumberOfMessages|积压|堆积", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BacklogPattern();

    [GeneratedRegex(@"\b(kafka|rabbitmq|sqs|pubsub|nats|sidekiq|celery|kinesis)\b|消息队列", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrokerPattern();

    [GeneratedRegex(@"consumers? (stopped|stuck|down|crash\w*|restarting)|rebalanc\w*|poison (message|pill)|dead[- ]letter|DLQ|消费者", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsumerPattern();

    [GeneratedRegex(@"(delayed|late) (emails?|notifications?|orders?|events?|jobs?)|processing delay|延迟处理", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelayPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("backlog", BacklogPattern(), 4.5),
        Indicator.Of("broker", BrokerPattern(), 1.5),
        Indicator.Of("consumer", ConsumerPattern(), 2),
        Indicator.Of("delay", DelayPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "backlog");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"Consumers of {svc}'s queue fall behind{(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")}: the backlog grows and work is processed late",
            $"{svc} 的队列消费者跟不上{(ev.Change is null ? "" : $"（始于{ChangePhrase(ev.Change, l)}）")}：消息积压，处理延迟");
        return Result(ev, title,
            l.T("Consumer throughput matches the produce rate and the lag is flat.", "消费吞吐与生产速率持平，滞后没有增长。"),
            title,
            [
                Step(l, "Measure consumer lag per partition.", "按分区查看消费滞后。", "kafka-consumer-groups.sh --bootstrap-server BROKER:9092 --describe --group GROUP", "Lag growing on some or all partitions.", "部分或全部分区滞后增长。"),
                Step(l, "Check consumer health.", "检查消费者健康。", $"kubectl get pods -l app={svc}; kubectl logs -l app={svc} --since=30m | grep -Ei 'error|exception|rebalanc' | tail -n 50",
                    "Crashing, stuck or rebalancing consumers.", "消费者崩溃、卡住或频繁 rebalance。"),
                Step(l, "Look for a poison message.", "排查毒消息。", "kafka-console-consumer.sh --bootstrap-server BROKER:9092 --topic TOPIC --partition N --offset OFFSET --max-messages 1", "The same message failing repeatedly.", "同一条消息反复失败。"),
            ],
            [
                Mitigate(l, "Scale out consumers (up to the partition count) and skip or dead-letter the poison message.", "扩容消费者（不超过分区数），跳过毒消息或转入死信队列。", "Skipped messages need replay later; more load downstream.", "跳过的消息之后需要重放；下游负载增加。", "Scale back once the lag is gone.", "滞后消除后缩容。"),
            ],
            [
                Follow(l, "P1", "Alert on consumer lag by age, not only by count", "按消息滞留时间（而不只是数量）告警", "Observability team", "可观测性团队"),
                Follow(l, "P2", "Dead-letter handling for messages that fail repeatedly", "为反复失败的消息提供死信处理", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
