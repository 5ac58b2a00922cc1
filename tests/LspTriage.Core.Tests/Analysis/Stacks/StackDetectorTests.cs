using LspTriage.Core.Analysis.Stacks;

namespace LspTriage.Core.Tests.Analysis.Stacks;

public sealed class StackDetectorTests
{
    [Theory]
    [InlineData("2026-06-02 14:03:11 UTC [2211] FATAL:  sorry, too many clients already", Technology.PostgreSql)]
    [InlineData("ERROR: canceling statement due to lock timeout SQLSTATE 55P03", Technology.PostgreSql)]
    [InlineData("on-call ran psql -c 'select count(*) from pg_stat_activity'", Technology.PostgreSql)]
    [InlineData("值班同学用psql查看了连接数", Technology.PostgreSql)]
    [InlineData("ERROR 1040 (HY000): Too many connections", Technology.MySql)]
    [InlineData("2026-03-01T10:00:01 0 [Warning] mysqld: Aborted connection 1223", Technology.MySql)]
    [InlineData("OOM command not allowed when used memory > 'maxmemory'", Technology.Redis)]
    [InlineData("redis-cli -h cache-1 info memory", Technology.Redis)]
    [InlineData("consumer group payments-consumer lag 1.2M on topic orders (kafka-consumer-groups --describe)", Technology.Kafka)]
    [InlineData("Error on AMQP connection <0.5412.0> (rabbit@mq-2)", Technology.RabbitMq)]
    [InlineData("NAME                         READY   STATUS             RESTARTS   AGE\napi-7d9c-x2x   0/1     CrashLoopBackOff   12         40m", Technology.Kubernetes)]
    [InlineData("Warning  BackOff  3m (x41 over 12m)  kubelet  Back-off restarting failed container", Technology.Kubernetes)]
    [InlineData("2026/06/02 14:03:11 [error] 31#31: *1192 upstream timed out (110: Connection timed out)", Technology.Nginx)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: overflow", Technology.Envoy)]
    [InlineData("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space", Technology.Jvm)]
    [InlineData("HikariPool-1 - Connection is not available, request timed out after 30000ms.", Technology.Jvm)]
    [InlineData("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", Technology.Node)]
    [InlineData("at processTicksAndRejections (node:internal/process/task_queues.js:95:5)", Technology.Node)]
    [InlineData("panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:", Technology.Go)]
    [InlineData("Traceback (most recent call last):\n  File \"/app/worker.py\", line 42, in run", Technology.Python)]
    [InlineData("MongoServerError: WiredTiger cache full", Technology.MongoDb)]
    [InlineData("es_rejected_execution_exception: rejected execution of coordinating operation", Technology.Elasticsearch)]
    public void Detects_a_technology_from_what_it_prints(string text, Technology expected)
    {
        Assert.Contains(expected, StackDetector.Detect(text));
    }

    [Theory]
    [InlineData("checkout latency went up after the 14:00 deploy; we rolled back and it recovered")]
    [InlineData("the mongoose library and the postgresify flag are unrelated")]
    [InlineData("Node worker-3 NotReady; the node ran out of disk")]
    [InlineData("we had a stern talk with the vendor; express checkout was slow")]
    [InlineData("ran the springtime sale; javascript banner was broken")]
    public void Finds_no_technology_in_words_that_merely_contain_or_resemble_a_name(string text)
    {
        Assert.Empty(StackDetector.Detect(text));
    }

    [Fact]
    public void A_plain_prose_incident_shows_no_stack()
    {
        Assert.Empty(StackDetector.Detect("Checkout error rate rose to 12% at 14:02 UTC after release v2.41; customers saw payment failed."));
    }

    [Theory]
    [InlineData("SELECT pid, now() - query_start FROM pg_stat_activity WHERE state <> 'idle';", Technology.PostgreSql)]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE status = 'pending';", Technology.PostgreSql)]
    [InlineData("SHOW max_connections;", Technology.PostgreSql)]
    [InlineData("mysql -e 'SHOW FULL PROCESSLIST'", Technology.MySql)]
    [InlineData("redis-cli --bigkeys", Technology.Redis)]
    [InlineData("kubectl get pods -l app=payment-svc", Technology.Kubernetes)]
    [InlineData("rabbitmqctl list_queues name messages consumers", Technology.RabbitMq)]
    [InlineData("kafka-consumer-groups.sh --bootstrap-server b1:9092 --describe --group billing", Technology.Kafka)]
    [InlineData("jcmd 1 Thread.print", Technology.Jvm)]
    [InlineData("jstack $(pgrep -f app.jar) > threads.txt", Technology.Jvm)]
    [InlineData("go tool pprof http://localhost:6060/debug/pprof/heap", Technology.Go)]
    [InlineData("node --inspect server.js", Technology.Node)]
    [InlineData("curl -s localhost:9200/_cluster/health?pretty", Technology.Elasticsearch)]
    [InlineData("py-spy dump --pid 1", Technology.Python)]
    public void Knows_which_technology_a_command_is_for(string command, Technology expected)
    {
        Assert.Contains(expected, StackDetector.CommandTechnologies(command));
    }

    [Theory]
    [InlineData("curl -sv https://api.example.com/health")]
    [InlineData("dig +short payments.internal")]
    [InlineData("openssl s_client -connect api.example.com:443 | openssl x509 -noout -dates")]
    [InlineData("grep -c 'timeout' app.log")]
    [InlineData("df -h /var/lib")]
    public void Generic_commands_need_no_technology(string command)
    {
        Assert.Empty(StackDetector.CommandTechnologies(command));
    }

    [Fact]
    public void A_kubectl_command_about_a_node_is_not_a_Node_js_command()
    {
        Assert.Equal([Technology.Kubernetes], StackDetector.CommandTechnologies("kubectl describe node ip-10-0-3-12"));
    }

    [Fact]
    public void A_command_fits_only_when_the_context_shows_every_technology_it_needs()
    {
        var mysqlOnly = StackDetector.Detect("ERROR 1040 (HY000): Too many connections from 10.0.0.4; mysqld max_connections=500");
        Assert.False(StackDetector.Fits("SELECT count(*) FROM pg_stat_activity;", mysqlOnly));
        Assert.False(StackDetector.Fits("kubectl logs -l app=api --since=30m", mysqlOnly));
        Assert.True(StackDetector.Fits("mysql -e 'SHOW FULL PROCESSLIST'", mysqlOnly));
        Assert.True(StackDetector.Fits("grep -c 'Too many connections' /var/log/app.log", mysqlOnly));
    }
}
