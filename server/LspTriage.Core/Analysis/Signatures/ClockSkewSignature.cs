using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Hosts whose clocks drifted, breaking token validation, ordering or TTLs.</summary>
internal sealed partial class ClockSkewSignature : FailureSignature
{
    public override string Id => "clock-skew";

    [GeneratedRegex(@"clock (skew|drift)|time (skew|drift)|clock is (off|behind|ahead)|时钟(偏移|漂移|不同步)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkewPattern();

    [GeneratedRegex(@"\b(NTP|ntpd|chrony|chronyd|timesyncd|ntpdate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NtpPattern();

    [GeneratedRegex(@"not yet valid|used before (issued|nbf)|\b(iat|nbf|exp)\b claim|token (is )?expired|JWT (expired|not active)|issued in the future", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenTimePattern();

    [GeneratedRegex(@"offset (of )?[+-]?\d+(\.\d+)?\s?(s|ms|seconds|minutes)|\d+(\.\d+)?\s?(s|seconds|minutes) (ahead|behind|fast|slow)|in the future", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"not synchroni[sz]ed|unsynchroni[sz]ed|no selectable sources|synchronized: no", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsyncedPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("skew", SkewPattern(), 5),
        Indicator.Of("ntp", NtpPattern(), 2.5),
        Indicator.Of("token-time", TokenTimePattern(), 2),
        Indicator.Of("offset", OffsetPattern(), 1.5),
        Indicator.Of("unsynced", UnsyncedPattern(), 2.5),
    ];

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var title = l.T("Clock skew on some hosts: time-based checks (token validity, signatures, TTLs) fail on the hosts whose clock drifted",
            "部分主机时钟偏移：依赖时间的校验（令牌有效期、签名、TTL）在时钟漂移的主机上失败");
        return Result(ev, title,
            l.T("All hosts report a clock offset of a few milliseconds and the failures are spread evenly over them.", "所有主机时钟偏差都在毫秒级，且失败均匀分布在各主机上。"),
            title,
            [
                Step(l, "Check time sync on the failing hosts.", "检查失败主机的时间同步。", "chronyc tracking; timedatectl status", "A large offset, or the clock is reported as not synchronised.", "偏差很大，或显示时钟未同步。"),
                Step(l, "Compare clocks across hosts.", "比较各主机时钟。", "for h in HOST1 HOST2; do ssh $h date -u +%s.%N; done", "One host differs by seconds or more.", "某台主机相差数秒以上。"),
                Step(l, "Check NTP daemon logs.", "检查 NTP 守护进程日志。", "journalctl -u chronyd --since '6 hours ago' | tail -n 50", "Sources unreachable or sync lost.", "时间源不可达或失去同步。"),
            ],
            [
                Mitigate(l, "Take skewed hosts out of rotation and force a time resync.", "摘除时钟偏移的主机并强制同步时间。", "Less capacity meanwhile; a large step can confuse running processes.", "容量暂时减少；时间跳变可能影响运行中的进程。", "Put hosts back once synced.", "同步后重新加入。"),
                Mitigate(l, "Allow a small clock tolerance (leeway) in token validation.", "令牌校验允许少量时钟容差。", "Slightly longer token acceptance window.", "令牌接受窗口略变长。", "Remove the leeway.", "去掉容差。"),
            ],
            [
                Follow(l, "P1", "Alert on clock offset on every host", "所有主机时钟偏差告警", "Platform team", "平台团队"),
                Follow(l, "P2", "Use redundant NTP sources reachable from every network zone", "使用各网络区域均可达的冗余 NTP 源", "Platform team", "平台团队"),
            ]);
    }
}
