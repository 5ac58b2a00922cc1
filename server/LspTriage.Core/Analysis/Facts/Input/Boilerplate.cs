using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Lines every paste of a kind carries whatever went wrong: the service-account volume mounted in every pod
/// (<c>kube-root-ca.crt</c>, <c>kube-api-access-…</c>), QoS class, default tolerations, separator rows, shell prompts,
/// stack frames below their exception. They are kept in the text but are never evidence.
/// </summary>
internal static partial class Boilerplate
{
    [GeneratedRegex(@"kube-root-ca\.crt|kube-api-access-|/var/run/secrets/kubernetes\.io/serviceaccount|^\s*(ConfigMapName|ConfigMapOptional|DownwardAPI|TokenExpirationSeconds|QoS Class|Tolerations|Node-Selectors|Priority|Priority Class Name|Service Account|Volumes|Mounts|Optional|Readiness Gates|Annotations|Controlled By|IPs|Host Port|SeccompProfile)\s*:|^\s*(node\.kubernetes\.io/[\w-]+:\w+|op=Exists)|^\s*[-=_~]{3,}(\s+[-=_~]{3,})*\s*$|^\s*(\$|PS>|#)\s*(kubectl|curl|docker|helm|psql|mysql|redis-cli|journalctl|dig|openssl|grep|cat|tail)\b|^\s*```", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\s+(at\s+[\w.$<>/\[\]`:-]+[(\s]|File "".*"", line \d+|\.\.\. \d+ (more|common frames omitted))|^\s+/[\w/.@-]+\.(go|py|js|ts|rb):\d+|^\s+[\w.]+\.go:\d+|^goroutine \d+ \[", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    public static bool IsBoilerplate(string line) => Pattern().IsMatch(line);

    /// <summary>A frame of a Java/.NET/Python/Node/Go stack trace: the exception line above it carries the message.</summary>
    public static bool IsStackFrame(string line) => StackFrame().IsMatch(line);
}
