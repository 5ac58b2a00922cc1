using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;
using LspTriage.Core.Text;
using LspTriage.Server.Editing;

namespace LspTriage.Server.Features.Similarity;

/// <summary>
/// <c>lspTriage.insertSimilar [uri]</c>: writes the "Similar past incidents" section (the seed's shape) in a generated
/// block at the end of the document, or replaces the previous one if the user has not edited it since.
/// </summary>
internal sealed class InsertSimilarCommand : IServerCommand
{
    public const string CommandName = "lspTriage.insertSimilar";

    private readonly SimilarityHost _host;
    private readonly DocumentEditor _editor;

    public InsertSimilarCommand(SimilarityHost host, DocumentEditor editor)
    {
        _host = host;
        _editor = editor;
    }

    public string Name => CommandName;

    public async Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var document = context.Document();
        var results = await _host.FindAsync(document.Parsed, cancellationToken).ConfigureAwait(false);
        var threshold = context.Settings.SimilarityThreshold ?? _host.DefaultThreshold;
        var outcome = await _editor.ApplyAsync(document.Uri, "Insert similar past incidents", current =>
        {
            var parsed = current.Parsed;
            var block = SimilarIncidentsRenderer.RenderSection(results, parsed.Path, _host.StoreName, threshold, newline: parsed.NewLine);
            return [Edit(parsed, block)];
        }, cancellationToken).ConfigureAwait(false);
        return new InsertResult(outcome.IsApplied, results.Count, outcome.Problem);
    }

    /// <summary>Replace an unedited previous block; otherwise append at the end, keeping whatever the user wrote.</summary>
    internal static TextEdit Edit(IncidentDocument document, string block)
    {
        var previous = document.GeneratedBlocks.LastOrDefault(b => b.Kind == SimilarIncidentsRenderer.BlockKind);
        if (previous is not null && previous.IsUnedited(document))
        {
            var replaced = block.TrimEnd('\r', '\n');
            return new TextEdit(document.RangeOf(previous.Span), replaced);
        }
        var text = document.Text;
        var nl = document.NewLine;
        var lead = text.Length == 0 || text.EndsWith(nl + nl, StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? nl : nl + nl;
        var end = document.Lines.PositionAt(text.Length);
        return new TextEdit(new TextRange(end, end), lead + block);
    }

    internal sealed record InsertResult(bool Applied, int Count, string? Message);
}
