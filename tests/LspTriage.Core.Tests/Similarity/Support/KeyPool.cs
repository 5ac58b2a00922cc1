using LspTriage.Similarity.Bench;
using LspTriage.Core.Similarity.Records;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Support;

/// <summary>Realistic texts to compare: incident keys from samples/ and the public corpus in every key mode, body
/// sentences, and hand-written Chinese, mixed-script and edge-case strings.</summary>
internal static class KeyPool
{
    public static readonly string[] Handwritten =
    [
        "支付服务连接池耗尽，批处理任务部署后数据库连接被占满",
        "支付服务 p99 延迟从 120ms 升至 4.8s，错误率 12%",
        "数据库主从复制延迟导致订单状态不一致",
        "证书过期导致 API 网关 TLS 握手失败",
        "缓存雪崩：Redis 集群重启后大量请求直达数据库",
        "配置推送错误，全部节点读取到空的路由表",
        "磁盘写满导致 Kafka broker 下线，消息积压",
        "时钟漂移造成分布式锁提前释放",
        "限流阈值配置过低，正常流量被拒绝（HTTP 429）",
        "内存泄漏导致 Java 服务频繁 Full GC 后 OOM 重启",
        "DNS 解析失败：内部域名服务器配置被误删",
        "根因：新版本 v2.41 引入的定时任务每 30 秒执行一次全表扫描",
        "数学 數學 수학 ریاضی गणित Matemáticas Mathématiques Математика คณิตศาสตร์ Toán học Iṣiro სათაური",
        "İstanbul DIŞ İŞLER ılık Straße STRASSE Ωμέγα ΣΊΣΥΦΟΣ Ǆemal ǅ ǆ",
        "全角ＡＢＣ１２３ 半角abc123 ｶﾀｶﾅ カタカナ ひらがな 한국어 테스트",
        "emoji 🔥 outage 🚨 db-01 😀 𝒜𝒷𝒸 𠀀𠀁 astral 𝟘𝟙",
        "café naïve coöperate résumé Ünïcödé façade",
        "payment-svc v2.41 → postgres-primary: FATAL: sorry, too many clients already",
        "x", "", "  ", "a b c", "1 2 3", "___", "ab", "🙂", "中", "中文", "İ",
        "Zero\u200Bwidth\u00A0space\ttab\nnewline",
    ];

    public static List<string> Build()
    {
        var keys = new List<string>(Handwritten);
        foreach (var file in RepoPaths.SimilarityMaterial())
        {
            var text = File.ReadAllText(file);
            foreach (var mode in Enum.GetValues<IncidentKey>())
            {
                keys.Add(IncidentRecordReader.Read(text, file, keyMode: mode).Key);
            }
            // One body sentence per file: prose with punctuation, numbers and code spans.
            var body = text.Split("\n---\n", 2) is { Length: 2 } parts ? parts[1] : text;
            var sentence = body.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(s => s.Length > 40);
            if (sentence is not null)
            {
                keys.Add(sentence);
            }
        }
        // Synthetic incidents mixed from the same material bring the pool to a size that exercises pg_trgm broadly
        // whether or not the optional public corpus is present.
        var distinct = new HashSet<string>(keys, StringComparer.Ordinal);
        var synthetic = new SyntheticIncidents(CorpusSeeds.Load(), seed: 7);
        for (var i = 0; distinct.Count < MinimumSize && i < MinimumSize * 10; i++)
        {
            var key = i % 3 == 0 ? synthetic.NextNovelKey() : synthetic.NextKey();
            if (distinct.Add(key))
            {
                keys.Add(key);
            }
        }
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    public const int MinimumSize = 800;
}
