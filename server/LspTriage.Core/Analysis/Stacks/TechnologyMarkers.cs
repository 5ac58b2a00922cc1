using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Stacks;

/// <summary>
/// The one table of how each technology shows itself. <see cref="Command"/> matches what people run against it
/// (a command is for that technology); <see cref="Output"/> matches what it prints or is called in prose. A context
/// shows a technology when either matches; a checklist command needs it when <see cref="Command"/> matches.
/// </summary>
internal sealed record TechnologyMarkers(Technology Technology, Regex Command, Regex Output)
{
    // ASCII word boundaries, so "用psql连接" still counts while "nginx" inside "xnginxy" does not:
    // .NET's \b treats Chinese characters as word characters and would find no boundary next to them.
    private const string Start = @"(?<![A-Za-z0-9_])";
    private const string End = @"(?![A-Za-z0-9_])";

    public static IReadOnlyList<TechnologyMarkers> All { get; } =
    [
        Of(Technology.PostgreSql,
            command: [@"psql", @"pg_\w+", @"pgbouncer", @"EXPLAIN\s*\(\s*ANALYZE", @"SHOW\s+max_connections"],
            output: [@"postgres(ql)?", @"npgsql", @"SQLSTATE", @"FATAL:", @"too many clients already", @"remaining connection slots are reserved", @"autovacuum", @"patroni"]),
        Of(Technology.MySql,
            command: [@"mysql(admin|dump|check)?", @"SHOW\s+(FULL\s+)?PROCESSLIST", @"SHOW\s+(GLOBAL\s+)?(VARIABLES|STATUS)", @"SHOW\s+ENGINE\s+INNODB", @"performance_schema", @"pt-(online-schema-change|kill|query-digest|stalk)"],
            output: [@"mysqld", @"mariadb", @"innodb", @"ERROR\s+1\d{3}", @"ER_[A-Z_]+", @"Too many connections"]),
        Of(Technology.Redis,
            command: [@"redis-(cli|server|benchmark)"],
            output: [@"redis", @"OOM command not allowed", @"CLUSTERDOWN", @"maxmemory(-policy)?", @"evicted_keys", @"keyspace_(hits|misses)"]),
        Of(Technology.Kafka,
            command: [@"kafka-[a-z-]+(\.sh)?", @"kcat", @"kafkacat"],
            output: [@"kafka", @"librdkafka", @"__consumer_offsets", @"UnderReplicatedPartitions", @"CommitFailedException"]),
        Of(Technology.RabbitMq,
            command: [@"rabbitmqctl", @"rabbitmqadmin", @"rabbitmq-[a-z-]+"],
            output: [@"rabbitmq", @"rabbit@[\w.-]+", @"amqps?"]),
        Of(Technology.MongoDb,
            command: [@"mongo(sh|stat|top|dump)?", @"db\.currentOp", @"rs\.status"],
            output: [@"mongod(b)?", @"WiredTiger", @"MongoServerError", @"MongoNetworkError"]),
        Of(Technology.Elasticsearch,
            command: [@"_cluster/\w+", @"_cat/\w+", @"_nodes/\w+"],
            output: [@"elasticsearch", @"opensearch", @"circuit_breaking_exception", @"es_rejected_execution_exception", @"cluster_block_exception"]),
        Of(Technology.Kubernetes,
            command: [@"kubectl", @"helm", @"istioctl", @"k9s"],
            output: [@"kubernetes", @"k8s", @"kubelet", @"kube-[a-z-]+", @"pods?", @"CrashLoopBackOff", @"ImagePullBackOff", @"ErrImagePull", @"OOMKilled",
                @"FailedScheduling", @"Back-off restarting failed container", @"(Liveness|Readiness) probe failed", @"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE",
                @"deployment\.apps/[\w-]+", @"HorizontalPodAutoscaler", @"容器组"]),
        Of(Technology.Nginx,
            command: [@"nginx", @"/var/log/nginx"],
            output: [@"ingress-nginx", @"upstream timed out", @"upstream prematurely closed", @"no live upstreams", @"\[(error|warn|crit)\]\s+\d+#\d+:"]),
        Of(Technology.Envoy,
            command: [@"envoy", @"istioctl", @"localhost:15000", @"localhost:9901"],
            output: [@"istio(-proxy)?", @"upstream connect error or disconnect/reset before headers", @"x-envoy-[a-z-]+"]),
        Of(Technology.Jvm,
            command: [@"jcmd", @"jstack", @"jmap", @"jstat", @"jps", @"jfr", @"java\s+-"],
            output: [@"java", @"jvm", @"kotlin", @"java\.lang\.\w+", @"OutOfMemoryError", @"Exception in thread", @"[\w$]+\.java:\d+", @"HikariPool(-\d+)?", @"hikaricp",
                @"Spring Boot", @"spring-boot", @"springframework", @"tomcat", @"-Xmx\d+\w?", @"G1 (Young|Old|Evacuation)"]),
        Of(Technology.Node,
            // A bare "node" is usually a Kubernetes node; only the node binary run on a script or option counts.
            command: [@"npm", @"npx", @"(?<=^|[;&|]\s*)node\s+(-|\S+\.m?js)"],
            output: [@"node\.?js", @"JavaScript heap out of memory", @"node_modules", @"UnhandledPromiseRejection\w*", @"[\w/.-]+\.m?js:\d+:\d+"]),
        Of(Technology.Go,
            command: [@"go\s+tool\s+pprof", @"/debug/pprof(/\w+)?", @"GODEBUG"],
            output: [@"golang", @"goroutine\s+\d+", @"goroutines", @"panic: runtime error", @"[\w/.-]+\.go:\d+", @"GOMAXPROCS", @"GOGC"]),
        Of(Technology.Python,
            command: [@"python[23]?(\.\d+)?", @"pip3?", @"py-spy", @"celery"],
            output: [@"Traceback \(most recent call last\)", @"[\w/.-]+\.py"", line \d+", @"gunicorn", @"uvicorn", @"django", @"flask", @"asyncio"]),
    ];

    private static TechnologyMarkers Of(Technology technology, string[] command, string[] output) =>
        new(technology, Words(command), Words(command.Concat(output)));

    private static Regex Words(IEnumerable<string> alternatives) =>
        new(Start + "(?:" + string.Join("|", alternatives) + ")" + End,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Compiled);
}
