namespace LspTriage.Core.Analysis.Stacks;

/// <summary>A piece of an incident's stack that a checklist command can be specific to.</summary>
public enum Technology
{
    PostgreSql,
    MySql,
    Redis,
    Kafka,
    RabbitMq,
    MongoDb,
    Elasticsearch,
    Kubernetes,
    Nginx,
    Envoy,
    Jvm,
    Node,
    Go,
    Python,
}
