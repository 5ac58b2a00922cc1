using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Expired tokens, passwords or keys (not TLS certificates, which <see cref="CertificateExpirySignature"/> covers).</summary>
internal sealed partial class ExpiredCredentialsSignature : FailureSignature
{
    public override string Id => "expired-credentials";

    [GeneratedRegex(@"\bExpiredToken(Exception)?\b|\b(token|jwt|session|credentials?|password|api[ _-]?key|access key|secret|lease)\b[^\n]{0,30}\b(has |is |have )?expired\b|\bexpired (token|jwt|credentials?|password|api[ _-]?key|session)\b|TokenExpiredError|token_expired|invalid_grant|security token included in the request is expired|password (has )?expired|refresh token[^\n]{0,30}(expired|revoked)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExpiredPattern();

    [GeneratedRegex(@"\b401\b|Unauthorized|\b403\b|AccessDenied|authentication failed|InvalidClientTokenId|SignatureDoesNotMatch", RegexOptions.CultureInvariant)]
    private static partial Regex RejectedPattern();

    [GeneratedRegex(@"rotat\w+|renew\w*|refresh\w*|mint\w*|TTL|valid for|expires?_?(at|in)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RotationPattern();

    /// <summary>The provider's own error code for an expired credential: its verdict, not our inference.</summary>
    [GeneratedRegex(@"\bExpiredToken(Exception)?\b|TokenExpiredError|token_expired|invalid_grant|security token included in the request is expired", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCodePattern();

    [GeneratedRegex(@"certificate|x509|\bTLS\b|\bSSL\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CertificatePattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("expired", ExpiredPattern(), 6),
        Indicator.Of("rejected", RejectedPattern(), 1.5),
        Indicator.Of("rotation", RotationPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        // "certificate has expired" is a certificate's story, not a token's.
        if (ev.ClauseOf("expired") is { } c && CertificatePattern().IsMatch(c.Text))
        {
            ev.Score -= 6;
        }
        ev.CapUnless(2.5, "expired");
        if (ev.ClauseOf("expired") is { } e && ErrorCodePattern().IsMatch(e.Text))
        {
            ev.Score += 1;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var title = l.T($"{who}'s credentials (a token, password or key) expired and were not renewed, so its calls are rejected",
            $"{who} 的凭据（令牌、密码或密钥）过期且未续期，调用因此被拒绝");
        return Result(ev, title,
            l.T("A freshly issued credential is rejected in the same way.", "新签发的凭据同样被拒绝。"),
            title,
            [
                Step(l, "Check the credential's expiry and who renews it.", "检查凭据的过期时间以及由谁续期。",
                    $"kubectl get secret -n {Ns(f)} -o custom-columns=NAME:.metadata.name,UPDATED:.metadata.managedFields[-1].time; kubectl get cronjob -A | grep -iE 'token|rotat|renew'",
                    "A secret older than its lifetime, or a renewal job that stopped.", "secret 已超出有效期，或续期任务已停止。"),
                Step(l, "Try the call with a new credential.", "用新凭据重试调用。", "aws sts get-caller-identity  # or the provider's token endpoint",
                    "The new credential works.", "新凭据可用。"),
            ],
            [
                Mitigate(l, "Issue a new credential, update the secret and restart the consumers.", "签发新凭据、更新 secret 并重启使用方。", "A mistyped credential fails the same way.", "凭据填错会以同样方式失败。",
                    "Restore the previous secret version.", "恢复上一版 secret。"),
                Mitigate(l, "Re-enable or fix the renewal job.", "恢复或修复续期任务。", "Renewing too often can hit issuer rate limits.", "续期过于频繁可能触发签发方限流。", "Disable it again.", "重新停用。"),
            ],
            [
                Follow(l, "P1", "Alert days before credentials expire and when renewal jobs stop succeeding", "在凭据过期前数天以及续期任务失败时告警", "Security team", "安全团队"),
            ]);
    }
}
