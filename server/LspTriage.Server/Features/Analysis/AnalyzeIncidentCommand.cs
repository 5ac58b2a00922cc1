using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Server.Editing;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;

namespace LspTriage.Server.Features.Analysis;

/// <summary>
/// <c>lspTriage.analyze [uri]</c>: analyzes the document's raw context with the configured provider, showing
/// cancellable progress, then inserts the generated block with a versioned edit. If the user typed meanwhile the edit
/// is recomputed against their newest text; a previous block is replaced only if it was not edited since.
/// </summary>
internal sealed class AnalyzeIncidentCommand : IServerCommand
{
    public const string CommandName = "lspTriage.analyze";

    private readonly ServerContext _context;
    private readonly WorkDoneProgress _progress;
    private readonly DocumentEditor _editor;
    private readonly AnalysisRunner _runner;

    public AnalyzeIncidentCommand(ServerContext context, WorkDoneProgress progress, DocumentEditor editor, AnalysisRunner runner)
    {
        _context = context;
        _progress = progress;
        _editor = editor;
        _runner = runner;
    }

    public string Name => CommandName;

    public async Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var document = context.Document();
        var uri = document.Uri;
        var options = AnalysisOptionsFactory.Create(context.Settings);
        await using var progress = await _progress.BeginAsync("LspTriage: analyzing incident", cancellable: true, cancellationToken).ConfigureAwait(false);
        AnalysisRunResult result;
        try
        {
            var reporter = progress.Sink<AnalysisProgress>(p => (p.Message, p.Percent));
            result = await _runner.RunAsync(document.Parsed, options, reporter, progress.Token).ConfigureAwait(false);
        }
        catch (AnalysisException ex)
        {
            progress.EndMessage = "failed";
            return await FailAsync(ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            progress.EndMessage = "cancelled";
            return new AnalyzeResult(false, null, "The analysis was cancelled; the document was not changed.", null);
        }

        await progress.ReportAsync("inserting the analysis", 95).ConfigureAwait(false);
        string? warning = null;
        var outcome = await _editor.ApplyAsync(uri, "Analyze incident", current =>
        {
            var edit = AnalysisBlockEditor.ComputeEdit(current.Parsed, result.Block);
            warning = edit.Warning;
            return [edit.Edit];
        }, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsApplied)
        {
            progress.EndMessage = "not applied";
            return await FailAsync(outcome.Problem!).ConfigureAwait(false);
        }
        var run = result.Analysis.Run;
        progress.EndMessage = $"{run.Provider} · {run.Model} · {run.LatencyMs} ms";
        _context.Log.Info($"Analyzed {uri} with {run.Provider}/{run.Model} in {run.LatencyMs} ms ({run.InputTokens}↑ / {run.OutputTokens}↓ tokens).");
        if (warning is not null)
        {
            await _context.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Warning, warning)).ConfigureAwait(false);
        }
        return new AnalyzeResult(true, outcome.Version, warning, result.Unsupported.Count);
    }

    private async Task<AnalyzeResult> FailAsync(string problem)
    {
        _context.Log.Warning($"Analyze incident: {problem}");
        await _context.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Error, $"Analyze incident: {problem}")).ConfigureAwait(false);
        return new AnalyzeResult(false, null, problem, null);
    }

    /// <summary>What the command answers: whether the block went in, at which version, and anything to tell the user.</summary>
    internal sealed record AnalyzeResult(bool Applied, int? Version, string? Message, int? UnsupportedClaims);
}
