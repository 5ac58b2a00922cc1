namespace LspTriage.Core.Analysis.Signatures;

/// <summary>All failure signatures, in a fixed order (ties in ranking keep this order).</summary>
public static class SignatureLibrary
{
    public static IReadOnlyList<IFailureSignature> All { get; } =
    [
        new CrashLoopCommandSignature(),
        new CrashLoopConfigSignature(),
        new ImagePullSignature(),
        new UnschedulableSignature(),
        new PvcPendingSignature(),
        new EvictionSignature(),
        new BrokerPartitionSignature(),
        new ConnectionPoolExhaustionSignature(),
        new SlowQuerySignature(),
        new OomKillSignature(),
        new DiskFullSignature(),
        new CertificateExpirySignature(),
        new DependencyOutageSignature(),
        new BadConfigPushSignature(),
        new CacheStampedeSignature(),
        new ReplicationLagSignature(),
        new ClockSkewSignature(),
        new RateLimitingSignature(),
        new LockContentionSignature(),
        new DnsFailureSignature(),
        new QueueBacklogSignature(),
        new TrafficSpikeSignature(),
        new BadDeploySignature(),
        new DatabaseUnreachableSignature(),
        new ExpiredCredentialsSignature(),
        new NetworkPolicySignature(),
        new CpuThrottlingSignature(),
        new ProbeFailureSignature(),
        new SlowDependencySignature(),
        new CrashLoopExceptionSignature(),
    ];

    public static IFailureSignature? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
