using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A container that cannot start its command: not in $PATH, a shell syntax error in the entrypoint, not executable.</summary>
internal sealed partial class CrashLoopCommandSignature : FailureSignature
{
    public override string Id => "crash-loop-command";

    [GeneratedRegex(@"executable file not found in \$PATH|exec: ""[^""]+"": (stat [^:]+: )?no such file or directory|exec format error|exec [^\n]{0,80}: permission denied|(/bin/(ba)?sh|sh|bash): (line )?\d+: [^\n]{0,80}(Syntax error|syntax error|not found|unexpected)|(sh|bash): [^\n]{0,60}: (command not found|not found)|/docker-entrypoint[^\n]{0,40}: (not found|Permission denied)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandErrorPattern();

    [GeneratedRegex(@"\b(StartError|ContainerCannotRun|RunContainerError)\b|Exit Code:\s+12[67]\b|exit (code|status) 12[67]\b", RegexOptions.CultureInvariant)]
    private static partial Regex StartErrorPattern();

    [GeneratedRegex(@"CrashLoopBackOff|Back-off restarting failed container", RegexOptions.CultureInvariant)]
    private static partial Regex CrashLoopPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("command-error", CommandErrorPattern(), 6),
        Indicator.Of("start-error", StartErrorPattern(), 2),
        Indicator.Of("crash-loop", CrashLoopPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "command-error");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var title = l.T(
            $"{who}'s container cannot start its command (not found, not executable or a shell error in the entrypoint){(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")}, so it restarts in a crash loop",
            $"{who} 的容器无法启动其命令（找不到、不可执行或入口脚本有 shell 错误）{(ev.Change is null ? "" : $"，始于{ChangePhrase(ev.Change, l)}")}，因而反复重启");
        return Result(ev, title,
            l.T("The same image starts its command in another environment, or the error names a different process than the container's command.", "同一镜像在其他环境能正常启动命令，或报错的进程不是容器的启动命令。"),
            title,
            [
                Step(l, "Read the start error and the command the pod runs.", "查看启动错误和 pod 的启动命令。",
                    $"kubectl get pod -n {Ns(f)} -l app={svc} -o jsonpath='{{.items[0].spec.containers[0].command}} {{.items[0].spec.containers[0].args}} {{.items[0].status.containerStatuses[0].lastState}}'",
                    "The command or entrypoint named in the error.", "报错中出现的命令或入口脚本。"),
                Step(l, "Check the image contains the binary and its shell.", "确认镜像中有该可执行文件及 shell。",
                    "docker run --rm --entrypoint sh IMAGE -c 'echo $PATH; command -v COMMAND; head -1 /ENTRYPOINT'",
                    "The binary is missing, not on $PATH, or the entrypoint has Windows line endings or a bash-only syntax.", "可执行文件缺失、不在 $PATH 中，或入口脚本含 Windows 换行或 bash 专有语法。"),
            ],
            [
                Mitigate(l, "Roll the workload back to the previous image or command.", "把工作负载回滚到上一个镜像或命令。",
                    "Changes shipped with the new image are withdrawn.", "新镜像带来的改动一并撤回。", "Re-apply once the image is fixed.", "镜像修复后重新发布。"),
            ],
            [
                Follow(l, "P1", "Smoke-start every image in CI (run its entrypoint with --help)", "CI 中对每个镜像做启动冒烟测试（以 --help 运行入口）", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
