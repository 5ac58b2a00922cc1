using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A message broker split by a network partition: RabbitMQ partitions, Kafka ISR shrink / under-replicated partitions, split brain.</summary>
internal sealed partial class BrokerPartitionSignature : FailureSignature
{
    public override string Id => "broker-partition";

    [GeneratedRegex(@"network partition|partial partition|running_partitioned_network|inconsistent_database|split[- ]brain|""partitions""\s*:\s*[\[{]\s*""|Network Partitions\b[^\n]{0,20}\S|pause_minority|UnderReplicatedPartitions\s*[:=]?\s*[1-9]|under[- ]replicated partitions|Shrinking ISR|ISR (shrink|shrunk)|NotEnoughReplicas|OfflinePartitionsCount\s*[:=]?\s*[1-9]|lost quorum|no quorum", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"\brabbit(mq)?\b|\bmnesia\b|\bkafka\b|\bbroker\b|\bnats\b|\bpulsar\b|\bactivemq\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BrokerPattern();

    [GeneratedRegex(@"publish\w*[^\n]{0,40}(time ?out|fail|blocked)|consum\w*[^\n]{0,40}(stopped|stuck|idle)|stopped flowing|messages? (lost|duplicated)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SymptomPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("partition", PartitionPattern(), 6),
        Indicator.Of("broker", BrokerPattern(), 1.5),
        Indicator.Of("symptom", SymptomPattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "partition");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var kafka = f.Clauses.Any(c => c.Text.Contains("kafka", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("ISR", StringComparison.Ordinal));
        var broker = kafka ? "Kafka" : f.Clauses.Any(c => c.Text.Contains("rabbit", StringComparison.OrdinalIgnoreCase)) ? "RabbitMQ" : l.T("the message broker", "消息中间件");
        var title = kafka
            ? l.T($"The {broker} cluster lost replicas of its partitions (ISR shrink / under-replicated) after a network split, so producers requiring acks fail", $"{broker} 集群在网络分区后丢失分区副本（ISR 收缩/副本不足），要求确认的生产者写入失败")
            : l.T($"The {broker} cluster is split by a network partition: nodes disagree on membership, so publishes and consumers stall", $"{broker} 集群发生网络分区：节点对成员关系看法不一致，发布和消费停滞");
        var commands = kafka
            ? new[] { "kafka-topics.sh --bootstrap-server BROKER:9092 --describe --under-replicated-partitions", "kafka-broker-api-versions.sh --bootstrap-server BROKER:9092 | grep -c id" }
            : new[] { "rabbitmqctl cluster_status --formatter json | jq .partitions", "rabbitmq-diagnostics check_running && rabbitmq-diagnostics log_tail -N 100 | grep -i partition" };
        return Result(ev, title,
            l.T("Every node lists the same running members and no partitions while the symptoms continue.", "症状持续时所有节点列出的运行成员一致且无分区。"),
            title,
            [
                Step(l, "Show partitions as each broker sees them.", "查看每个节点看到的分区情况。", commands[0], "A non-empty partition list or under-replicated partitions.", "分区列表非空或存在副本不足的分区。"),
                Step(l, "Check connectivity between the broker nodes.", "检查节点之间的网络连通性。", commands[1], "Nodes that cannot see each other.", "彼此不可见的节点。"),
            ],
            [
                Mitigate(l, kafka ? "Restore connectivity, then let followers catch up; lower producer acks only as a last resort." : "Pick the partition to keep, restart the nodes on the other side so they rejoin (or rely on pause_minority/autoheal).",
                    kafka ? "恢复网络连通后等待副本追上；仅在万不得已时降低生产者 acks。" : "选定保留的一侧，重启另一侧的节点使其重新加入（或依靠 pause_minority/autoheal）。",
                    "Messages accepted only by the restarted side are lost.", "只被重启一侧接收的消息会丢失。",
                    "None: a rejoined node cannot be un-joined; the kept side's data is authoritative.", "无法撤销：以保留一侧的数据为准。"),
            ],
            [
                Follow(l, "P1", "Set a partition handling strategy (pause_minority) and alert on partitions and under-replicated partitions", "设置分区处理策略（pause_minority），并对分区与副本不足告警", "Messaging team", "消息团队"),
            ]);
    }
}
