using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A volume out of space or inodes.</summary>
internal sealed partial class DiskFullSignature : FailureSignature
{
    public override string Id => "disk-full";

    [GeneratedRegex(@"no space left on device|ENOSPC|NOT_ENOUGH_SPACE|Cannot reserve [\d.]+ \w+, not enough space|disk (is )?full|volume (is )?full|filesystem (is )?full|磁盘(已)?满|磁盘空间不足", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnospcPattern();

    [GeneratedRegex(@"(disk|volume|filesystem|/var|/data|pvc)[^\n]{0,40}(9[5-9]|100)\s?%|磁盘[^\n]{0,10}(9[5-9]|100)\s?%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UsagePattern();

    [GeneratedRegex(@"inodes?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InodesPattern();

    [GeneratedRegex(@"log (volume|rotation|files?)|logrotate|debug logging|WAL|binlog", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogsPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("enospc", EnospcPattern(), 6),
        Indicator.Of("usage", UsagePattern(), 3),
        Indicator.Of("inodes", InodesPattern(), 1),
        Indicator.Of("logs", LogsPattern(), 1),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["disk"];

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"A volume used by {svc} is full, so writes fail{(ev.Change is null ? "" : $" (growth since {ChangePhrase(ev.Change, l)})")}",
            $"{svc} 使用的磁盘卷已满，写入失败{(ev.Change is null ? "" : $"（自{ChangePhrase(ev.Change, l)}起增长）")}");
        return Result(ev, title,
            l.T("df shows free space and inodes on every volume the service writes to.", "df 显示服务写入的所有卷都有空闲空间和 inode。"),
            title,
            [
                Step(l, "Check space and inodes.", "检查空间和 inode。", "df -h; df -i", "A volume with no space or no inodes left.", "某个卷空间或 inode 已用尽。"),
                Step(l, "Find what grew.", "找出增长的目录。", "du -xh /var --max-depth=2 2>/dev/null | sort -h | tail -n 20", "A log or data directory dominates.", "某个日志或数据目录占据大部分空间。"),
                Step(l, "Check log rotation.", "检查日志轮转。", "journalctl --disk-usage; ls -lh /var/log | sort -k5 -h | tail", "Unrotated or very large logs.", "日志未轮转或过大。"),
            ],
            [
                Mitigate(l, "Free space: delete or compress rotated logs and temporary files, or expand the volume.", "释放空间：删除或压缩旧日志和临时文件，或扩容磁盘卷。",
                    "Deleting the wrong file loses data; expanding may need a restart.", "误删会丢数据；扩容可能需要重启。", "Restore from backup; shrinking is not possible, keep the larger volume.", "从备份恢复；扩容无法回退，保留更大的卷。"),
                Mitigate(l, "Turn down the log level that is filling the disk.", "调低导致磁盘写满的日志级别。", "Less detail for debugging.", "排障信息减少。", "Restore the log level.", "恢复日志级别。"),
            ],
            [
                Follow(l, "P1", "Alert on disk usage and inode usage before they reach full", "磁盘使用率和 inode 接近满时告警", "Platform team", "平台团队"),
                Follow(l, "P2", "Enforce log rotation and retention on every host", "所有主机强制日志轮转与保留策略", "Platform team", "平台团队"),
            ]);
    }
}
