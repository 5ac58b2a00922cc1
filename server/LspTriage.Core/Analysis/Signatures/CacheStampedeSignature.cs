using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Many keys expiring or a cache flush sending every request to the backing store at once.</summary>
internal sealed partial class CacheStampedeSignature : FailureSignature
{
    public override string Id => "cache-stampede";

    [GeneratedRegex(@"stampede|thundering herd|dogpile|cache (flush|flushed|cleared|wiped|restart(ed)?)|FLUSHALL|mass expir\w*|缓存(击穿|雪崩|穿透)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StampedePattern();

    [GeneratedRegex(@"(cache )?hit (rate|ratio)[^\n]{0,40}(from|dropped|fell|to)|cache miss(es)?|miss rate|命中率", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HitRatePattern();

    [GeneratedRegex(@"\b(redis|memcached|cache|CDN|varnish)\b|缓存", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CachePattern();

    [GeneratedRegex(@"\bTTL\b|expir(y|e|ed|ation)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TtlPattern();

    [GeneratedRegex(@"(db|database|origin|backend)[^\n]{0,40}(load|QPS|CPU|connections)[^\n]{0,30}(jump|spike|x|\d+\s?%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackendLoadPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("stampede", StampedePattern(), 4),
        Indicator.Of("hit-rate", HitRatePattern(), 3),
        Indicator.Of("cache", CachePattern(), 1),
        Indicator.Of("ttl", TtlPattern(), 1),
        Indicator.Of("backend-load", BackendLoadPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2, "stampede", "hit-rate");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T("A cache stampede: cached entries expired or were flushed together, so every request hit the backing store and overloaded it",
            "缓存雪崩/击穿：缓存同时过期或被清空，所有请求直接打到后端存储导致过载");
        return Result(ev, title,
            l.T("The cache hit ratio stayed normal through the onset, or backend load did not rise.", "故障期间缓存命中率正常，或后端负载没有上升。"),
            title,
            [
                Step(l, "Check cache hit ratio and evictions.", "检查缓存命中率与淘汰。", "redis-cli -h CACHE-HOST INFO stats | grep -E 'keyspace_(hits|misses)|evicted_keys|expired_keys'",
                    "Misses and expirations jumped at the onset.", "故障开始时 miss 和过期数激增。"),
                Step(l, "Check how many keys share an expiry.", "检查大量键是否同一时间过期。", "redis-cli -h CACHE-HOST --scan --pattern 'PREFIX*' | head -n 200 | xargs -n1 redis-cli -h CACHE-HOST TTL | sort | uniq -c | sort -rn | head",
                    "Many keys with the same TTL.", "大量键 TTL 相同。"),
                Step(l, "Check backend load.", "检查后端负载。", "SELECT count(*) FROM pg_stat_activity WHERE state = 'active';", "Backend saturated while misses are high.", "miss 高时后端饱和。"),
            ],
            [
                Mitigate(l, "Rate-limit cache misses to the backend (request coalescing / single flight) and warm the hottest keys.", "对回源请求合并/限流（single flight），并预热热点键。",
                    "Some requests wait or fail while the cache warms.", "预热期间部分请求等待或失败。", "Remove the limit once the hit ratio recovers.", "命中率恢复后取消限流。"),
                Mitigate(l, "Serve stale entries while refreshing.", "刷新期间返回旧数据。", "Users may see slightly old data.", "用户可能看到稍旧的数据。", "Turn stale serving off.", "关闭旧数据返回。"),
            ],
            [
                Follow(l, "P1", "Add jitter to cache TTLs and request coalescing on misses", "为缓存 TTL 增加随机抖动，并在回源时合并请求", $"{svc} team", $"{svc} 团队"),
                Follow(l, "P2", "Alert on cache hit ratio drops", "缓存命中率下降时告警", "Observability team", "可观测性团队"),
            ]);
    }
}
