using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lsptriage-analyze-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CopySample(string name = "2026-06-02-payment-pool.md")
    {
        var target = Path.Combine(_dir, name);
        File.Copy(Path.Combine(RepoPaths.Samples, name), target);
        return target;
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var io = new CliIo(stdout, stderr, IsTerminal: false, _dir, _ => null);
        var code = await CommandLineApp.RunAsync(args, io, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Prints_the_analysis_block()
    {
        var file = CopySample();
        var (code, output, _) = await Run("analyze", file);
        Assert.Equal(0, code);
        Assert.StartsWith("<!-- lsptriage:begin analysis provider=offline", output);
        Assert.Contains("## Root cause hypotheses", output);
        Assert.Contains("pg_stat_activity", output);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md")), File.ReadAllText(file));
    }

    [Fact]
    public async Task Write_twice_leaves_one_block_and_keeps_the_users_text()
    {
        var file = CopySample();
        var original = File.ReadAllText(file);
        Assert.Equal(0, (await Run("analyze", file, "--write")).Code);
        var once = File.ReadAllText(file);
        var (code, _, err) = await Run("analyze", file, "--write", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("replaced the analysis", err);
        var twice = File.ReadAllText(file);
        var doc = IncidentDocument.Parse(twice, file);
        Assert.Single(doc.GeneratedBlocks);
        Assert.Contains("## 根因假设", twice);
        Assert.StartsWith(original.TrimEnd('\n'), twice);
        Assert.NotEqual(once, twice);
        Assert.DoesNotContain("LT020", err);
    }

    [Fact]
    public async Task Json_output_has_the_analysis_tree()
    {
        var (code, output, _) = await Run("analyze", CopySample(), "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("high", root.GetProperty("hypotheses")[0].GetProperty("confidence").GetString());
        Assert.Equal("connection-pool-exhaustion", root.GetProperty("hypotheses")[0].GetProperty("signatureId").GetString());
        Assert.Equal("offline", root.GetProperty("run").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Missing_raw_context_fails_with_exit_code_1()
    {
        var file = Path.Combine(_dir, "no-context.md");
        File.WriteAllText(file, "# Something happened\n\n## Summary\n\nShort.\n");
        var (code, _, err) = await Run("analyze", file, "--write");
        Assert.Equal(1, code);
        Assert.Contains("Raw incident context", err);
        Assert.Equal("# Something happened\n\n## Summary\n\nShort.\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Openai_without_a_key_fails_clearly()
    {
        var (code, _, err) = await Run("analyze", CopySample(), "--provider", "openai", "--base-url", "https://api.deepseek.com");
        Assert.Equal(1, code);
        Assert.Contains("LSPTRIAGE_LLM_API_KEY", err);
    }

    [Fact]
    public async Task Openai_with_an_unreachable_endpoint_fails_clearly_and_writes_nothing()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var file = CopySample();
        var before = File.ReadAllText(file);
        var (code, _, err) = await Run("analyze", file, "--provider", "openai", "--base-url", $"http://127.0.0.1:{port}/v1", "--write", "--timeout", "5");
        Assert.Equal(1, code);
        Assert.Contains("Cannot reach", err);
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Fact]
    public async Task Openai_provider_writes_a_block_with_the_run_record()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Sse(LlmAnswers.Good()));
        var file = CopySample();
        var env = new Dictionary<string, string> { ["LSPTRIAGE_LLM_API_KEY"] = "sk-cli-test-0123456789abcdef", ["LSPTRIAGE_LLM_MODEL"] = "deepseek-chat" };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var io = new CliIo(stdout, stderr, IsTerminal: false, _dir, n => env.GetValueOrDefault(n));
        var code = await CommandLineApp.RunAsync(["analyze", file, "--provider", "openai", "--base-url", server.BaseUrl, "--write"], io, CancellationToken.None);

        Assert.Equal(0, code);
        var text = File.ReadAllText(file);
        Assert.Contains("<!-- lsptriage:begin analysis provider=openai model=deepseek-chat prompt=v2 lang=en", text);
        Assert.Contains("1739↑ / 1480↓ tok · $0.00210", text);
        Assert.Equal("Bearer sk-cli-test-0123456789abcdef", server.Authorizations[0]);
        Assert.DoesNotContain("sk-cli-test", stderr.ToString() + stdout.ToString() + text);
    }

    [Theory]
    [InlineData("--lang", "fr")]
    [InlineData("--provider", "bard")]
    [InlineData("--prompt", "v9")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        Assert.Equal(2, (await Run("analyze", CopySample(), option, value)).Code);
    }
}
