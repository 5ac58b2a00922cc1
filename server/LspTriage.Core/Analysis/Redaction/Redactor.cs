using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Redaction;

/// <summary>
/// Masks secrets and personal data before any text leaves the machine: API keys, bearer tokens, JWTs, passwords in
/// URLs and key=value pairs, private keys, e-mail addresses. Replacements are <c>[REDACTED:kind]</c>, so the model
/// still sees that something was there.
/// </summary>
public static partial class Redactor
{
    private static readonly (string Kind, Regex Pattern, string Group)[] Rules =
    [
        ("private-key", PrivateKey(), ""),
        ("password-in-url", UrlPassword(), "pw"),
        ("bearer-token", Bearer(), "tok"),
        ("jwt", Jwt(), ""),
        ("api-key", ApiKey(), ""),
        ("secret", KeyValueSecret(), "val"),
        ("email", Email(), ""),
    ];

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.Singleline)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:(?<pw>[^\s@/]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\bBearer\s+(?<tok>[A-Za-z0-9\-._~+/]{8,}=*)", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(sk-(proj-|ant-)?[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|sk_live_[0-9A-Za-z]{16,}|rk_live_[0-9A-Za-z]{16,})\b")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"\b(password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|token)\s*[=:]\s*[""']?(?<val>[^\s""',;]{4,})", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    public static RedactionResult Redact(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, pattern, group) in Rules)
        {
            text = pattern.Replace(text, m =>
            {
                if (m.Value.Contains("[REDACTED:", StringComparison.Ordinal))
                {
                    return m.Value;
                }
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (group.Length == 0)
                {
                    return $"[REDACTED:{kind}]";
                }
                var g = m.Groups[group];
                if (g.Value.StartsWith("[REDACTED", StringComparison.Ordinal))
                {
                    counts[kind]--;
                    return m.Value;
                }
                return m.Value[..(g.Index - m.Index)] + $"[REDACTED:{kind}]" + m.Value[(g.Index - m.Index + g.Length)..];
            });
        }
        foreach (var k in counts.Where(k => k.Value == 0).Select(k => k.Key).ToList())
        {
            counts.Remove(k);
        }
        return new RedactionResult(text, counts);
    }
}
