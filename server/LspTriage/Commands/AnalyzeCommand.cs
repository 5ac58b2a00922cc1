using System.Text;
using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Prompts;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage analyze FILE</c>: the editor's "Analyze incident", printing the block or writing it into the file.</summary>
internal sealed class AnalyzeCommand : ICliCommand
{
    public string Name => "analyze";

    public string Summary => "Analyze an incident's raw context (offline rules or an OpenAI-compatible LLM)";

    public string? Arguments => "FILE";

    public string ArgumentsDescription => "The incident file whose raw context is analyzed";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("provider", "offline|openai", """
            offline (default): deterministic rules, no network
            openai: any OpenAI-compatible endpoint; LSPTRIAGE_LLM_BASE_URL, LSPTRIAGE_LLM_MODEL,
            LSPTRIAGE_LLM_API_KEY (or OPENAI_API_KEY / DEEPSEEK_API_KEY)
            """, "offline", "openai"),
        CliOption.Value("prompt", "VERSION", "Prompt version for the LLM (default v2)", [.. PromptLibrary.Versions]),
        CliOption.Value("lang", "en|zh", "Output language, en (default) or zh", "en", "zh"),
        CliOption.Value("model", "NAME", "The model for openai (default: LSPTRIAGE_LLM_MODEL or the endpoint's default)"),
        CliOption.Value("base-url", "URL", "OpenAI-compatible endpoint (default: LSPTRIAGE_LLM_BASE_URL)"),
        CliOption.Value("timeout", "SECONDS", "Per-request timeout for openai"),
        CliOption.Flag("write", """
            Insert the block after the raw context, or replace the previous block if it was not edited since it
            was generated (an edited block is kept, and the new one added after it)
            """),
        CliOption.Flag("json", "Print the analysis as JSON instead of markdown"),
    ];

    public string Details => """
        Reads the '## Raw incident context' section (or '## 原始事件上下文') of FILE and prints the analysis as markdown
        inside a generated block.

        Exit codes: 0 done, 1 the analysis failed (no raw context, endpoint unreachable, key missing, invalid answer),
        2 usage error.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Name exactly one incident file.");
        }
        var provider = args.Choice("provider", "offline", "offline", "openai");
        var prompt = args.Choice("prompt", "v2", "v1", "v2");
        AnalysisLanguageExtensions.TryParse(args.Choice("lang", "en", "en", "zh"), out var language);
        var timeout = args.Integer("timeout", 100, 1, 3600);
        var path = io.FullPath(args.Positionals[0]);
        if (!File.Exists(path))
        {
            await io.Error.WriteLineAsync($"lsptriage analyze: {args.Positionals[0]}: no such file").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var options = new AnalysisOptions
        {
            Provider = provider,
            PromptVersion = prompt,
            Language = language,
            Model = args.Value("model"),
            BaseUrl = args.Value("base-url"),
            Timeout = TimeSpan.FromSeconds(timeout),
        };
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = new UTF8Encoding(false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var document = IncidentDocument.Parse(text, path);

        var runner = new AnalysisRunner(new OfflineAnalyzer(), new LlmAnalyzer(io.GetEnvironment));
        var progress = io.IsTerminal ? new TerminalProgress(io.Error) : null;
        AnalysisRunResult result;
        try
        {
            result = await runner.RunAsync(document, options, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (AnalysisException e)
        {
            progress?.Clear();
            await io.Error.WriteLineAsync($"lsptriage analyze: {args.Positionals[0]}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        progress?.Clear();

        if (args.Has("json"))
        {
            await io.Out.WriteLineAsync(JsonSerializer.Serialize(result.Analysis, CliJson.Readable.IncidentAnalysis)).ConfigureAwait(false);
        }
        else if (!args.Has("write"))
        {
            await io.Out.WriteAsync(result.Block).ConfigureAwait(false);
        }

        if (args.Has("write"))
        {
            // Re-read right before writing: if the file changed while the model was thinking, recompute against it.
            var current = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var edit = current == text ? result.Edit : AnalysisBlockEditor.ComputeEdit(IncidentDocument.Parse(current, path), result.Block);
            var updated = edit.ApplyTo(current);
            await File.WriteAllTextAsync(path, updated, new UTF8Encoding(hasBom), cancellationToken).ConfigureAwait(false);
            if (edit.Warning is not null)
            {
                await io.Error.WriteLineAsync($"warning: {edit.Warning}").ConfigureAwait(false);
            }
            var verb = edit.Kind == BlockEditKind.Replaced ? "replaced the analysis in" : "added the analysis to";
            await io.Error.WriteLineAsync($"lsptriage analyze: {verb} {args.Positionals[0]} ({RunLine.Format(result.Analysis.Run)})").ConfigureAwait(false);
            var written = IncidentDocument.Parse(updated, path);
            foreach (var claim in AnalysisGrounding.Check(written))
            {
                var p = written.Lines.PositionAt(claim.Span.Start);
                await io.Error.WriteLineAsync($"{args.Positionals[0]}:{p.Line + 1}:{p.Character + 1}: warning {GroundingChecker.DiagnosticCode}: {claim.Message}").ConfigureAwait(false);
            }
        }
        return ExitCodes.Success;
    }

    /// <summary>One overwritten status line on the terminal's error stream.</summary>
    private sealed class TerminalProgress(TextWriter error) : IProgress<AnalysisProgress>
    {
        private int _width;

        public void Report(AnalysisProgress value)
        {
            var line = value.Percent is { } p ? $"[{p,3}%] {value.Message}" : value.Message;
            lock (error)
            {
                error.Write("\r" + line.PadRight(_width));
                _width = line.Length;
            }
        }

        public void Clear()
        {
            lock (error)
            {
                if (_width > 0)
                {
                    error.Write("\r" + new string(' ', _width) + "\r");
                }
            }
        }
    }
}
