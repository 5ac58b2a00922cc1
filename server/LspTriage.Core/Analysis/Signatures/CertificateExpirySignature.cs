using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>An expired or mis-rotated TLS certificate.</summary>
internal sealed partial class CertificateExpirySignature : FailureSignature
{
    public override string Id => "certificate-expiry";

    [GeneratedRegex(@"certificate (has )?expired|cert(ificate)? expir\w*|CERT_HAS_EXPIRED|x509: certificate has expired|证书(已)?过期", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpiredPattern();

    [GeneratedRegex(@"x509|certificate verify failed|SSL handshake|TLS handshake|SSL_ERROR|PKIX path|证书", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TlsPattern();

    [GeneratedRegex(@"notAfter|cert-manager|letsencrypt|ACME|renew\w*|rotation", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RenewalPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("expired", ExpiredPattern(), 6),
        Indicator.Of("tls", TlsPattern(), 2),
        Indicator.Of("renewal", RenewalPattern(), 2),
    ];

    protected override double ChangeWeight => 0;

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var title = l.T("A TLS certificate expired (renewal did not happen or was not picked up), so clients reject the handshake",
            "TLS 证书过期（未续期或续期后未生效），客户端握手失败");
        return Result(ev, title,
            l.T("openssl shows a valid notAfter on the certificate the endpoint actually serves.", "openssl 显示端点实际提供的证书 notAfter 仍有效。"),
            title,
            [
                Step(l, "Read the served certificate's dates.", "读取端点实际证书的有效期。", "echo | openssl s_client -connect HOST:443 -servername HOST 2>/dev/null | openssl x509 -noout -dates -subject",
                    "notAfter is in the past.", "notAfter 已过期。"),
                Step(l, "Check the renewal controller.", "检查续期控制器。", "kubectl get certificate -A; kubectl describe certificate NAME -n NAMESPACE",
                    "Renewal failed or the secret was not updated.", "续期失败或 secret 未更新。"),
                Step(l, "Reproduce from a client.", "从客户端复现。", "curl -v https://HOST/ 2>&1 | grep -i -E 'expire|certificate'", "certificate has expired.", "certificate has expired。"),
            ],
            [
                Mitigate(l, "Issue or install a renewed certificate and reload the terminating proxies.", "签发或安装新证书并重载 TLS 终结代理。",
                    "A wrong chain breaks other clients.", "证书链错误会影响其他客户端。", "Restore the previous secret (only useful if the new one is worse).", "恢复原 secret（仅当新证书更糟时）。"),
            ],
            [
                Follow(l, "P0", "Alert on certificates that expire within two weeks", "证书到期前两周告警", "Security team", "安全团队"),
                Follow(l, "P1", "Monitor the renewal job and the served certificate, not only the stored one", "监控续期任务和实际提供的证书，而不只是存储的证书", "Platform team", "平台团队"),
            ]);
    }
}
