using LspTriage.Core.Analysis.Redaction;

namespace LspTriage.Core.Tests.Analysis;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("curl -H 'Authorization: Bearer abcDEF123456789xyz' https://api", "abcDEF123456789xyz", "bearer-token")]
    [InlineData("OPENAI key sk-proj-AbCdEfGhIjKlMnOpQrStUv leaked", "sk-proj-AbCdEfGhIjKlMnOpQrStUv", "api-key")]
    [InlineData("aws AKIAABCDEFGHIJKLMNOP in env", "AKIAABCDEFGHIJKLMNOP", "api-key")]
    [InlineData("DATABASE_URL=postgres://app:hunter2secret@db.internal:5432/pay", "hunter2secret", "password-in-url")]
    [InlineData("config: password=S3cr3tPass! retry", "S3cr3tPass!", "secret")]
    [InlineData("paged alice.smith@example.com about it", "alice.smith@example.com", "email")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abcdefghijklmnop in header", "eyJhbGciOiJIUzI1NiJ9", "jwt")]
    public void Masks_secrets_and_records_the_kind(string input, string secret, string kind)
    {
        var r = Redactor.Redact(input);
        Assert.DoesNotContain(secret, r.Text);
        Assert.Contains($"[REDACTED:{kind}]", r.Text);
        Assert.True(r.Counts.ContainsKey(kind));
        Assert.DoesNotContain(r.Summary, s => s.Contains(secret));
    }

    [Fact]
    public void Leaves_ordinary_incident_text_alone()
    {
        var r = Redactor.Redact(SeedContext.Raw);
        Assert.Equal(SeedContext.Raw, r.Text);
        Assert.Empty(r.Counts);
    }

    [Fact]
    public void Counts_each_occurrence()
    {
        var r = Redactor.Redact("a@example.com and b@example.org");
        Assert.Equal(2, r.Counts["email"]);
        Assert.Equal(["email×2"], r.Summary);
    }
}
