using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A crash loop whose cause is an uncaught exception at start-up, seen in the previous container's logs.</summary>
internal sealed partial class CrashLoopExceptionSignature : FailureSignature
{
    public override string Id => "crash-loop-exception";

    [GeneratedRegex(@"CrashLoopBackOff|Back-off restarting failed container|restarting failed container", RegexOptions.CultureInvariant)]
    private static partial Regex CrashLoopPattern();

    [GeneratedRegex(@"^([\w.$]+\.)?[A-Z]\w*(Exception|Error)(: |$)|^Traceback \(most recent call last\)|^panic: |\b(Unhandled|uncaught) (exception|promise rejection)\b|UnhandledPromiseRejection|Application run failed|Exception in thread ""main""|^Caused by: |\bFATAL\b[^\n]{0,40}(exception|error)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ExceptionPattern();

    [GeneratedRegex(@"--previous|Last State:\s+Terminated|Exit Code:\s+[12]\b|exit (code|status) [12]\b", RegexOptions.CultureInvariant)]
    private static partial Regex PreviousPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("crash-loop", CrashLoopPattern(), 2.5),
        Indicator.Of("exception", ExceptionPattern(), 3),
        Indicator.Of("previous", PreviousPattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        if (!ev.Has("crash-loop") || !ev.Has("exception"))
        {
            ev.Score = Math.Min(ev.Score, 2.5);
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var exception = ev.ClauseOf("exception");
        var title = l.T(
            $"{who} crashes at start-up with an uncaught exception{(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")} and restarts in a crash loop",
            $"{who} 启动时抛出未捕获异常{(ev.Change is null ? "" : $"（始于{ChangePhrase(ev.Change, l)}）")}，陷入崩溃重启循环");
        return Result(ev, title,
            l.T("The previous container's logs end without an exception (e.g. it was OOM-killed or failed its liveness probe).", "上一个容器的日志结尾没有异常（例如被 OOM kill 或存活探针失败）。"),
            title,
            [
                Step(l, "Read the end of the previous container's log.", "查看上一个容器日志的结尾。", $"kubectl logs -n {Ns(f)} deploy/{svc} --previous --tail=80",
                    "The exception and the line that threw it.", "异常及抛出它的代码行。"),
                Step(l, "Compare with what changed: image, config, data it loads at start-up.", "对比变更：镜像、配置、启动时加载的数据。", $"kubectl rollout history -n {Ns(f)} deploy/{svc}",
                    "A change just before the first crash.", "首次崩溃前不久的变更。"),
            ],
            [
                Mitigate(l, "Roll back to the last revision that started cleanly.", "回滚到上一个能正常启动的版本。", "Changes in the rolled-back revision are withdrawn.", "回滚版本中的改动一并撤回。",
                    $"kubectl rollout undo -n {Ns(f)} deploy/{svc} --to-revision=CURRENT", $"kubectl rollout undo -n {Ns(f)} deploy/{svc} --to-revision=CURRENT"),
                Mitigate(l, "If the exception comes from data or configuration loaded at start-up, restore the last good version of it.", "如果异常来自启动时加载的数据或配置，恢复其上一个正确版本。",
                    "Newer data or rules are lost until fixed.", "修复前新数据或规则不可用。", "Re-apply the corrected version.", "重新应用修正后的版本。"),
            ],
            [
                Follow(l, "P1", "Fail the rollout when new pods crash at start-up (readiness gate, progress deadline)", "新 pod 启动即崩溃时让发布失败（就绪门禁、进度超时）", "Platform team", "平台团队"),
            ],
            exception is null ? null : [Quote.Around(exception.Text, 0)]);
    }
}
