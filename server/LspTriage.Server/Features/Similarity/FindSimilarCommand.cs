
namespace LspTriage.Server.Features.Similarity;

/// <summary>
/// <c>lspTriage.findSimilar [uri]</c>: the similar past incidents as data (title, uri, similarity 0–1, service, date,
/// severity, root cause); editors list them (the VS Code extension shows a quick pick that opens the chosen file).
/// </summary>
internal sealed class FindSimilarCommand : IServerCommand
{
    public const string CommandName = "lspTriage.findSimilar";

    private readonly SimilarityHost _host;

    public FindSimilarCommand(SimilarityHost host) => _host = host;

    public string Name => CommandName;

    public async Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var document = context.Document();
        var results = await _host.FindAsync(document.Parsed, cancellationToken).ConfigureAwait(false);
        return results.Select(r => new SimilarItem(
            r.Incident.Title,
            r.Incident.FileUri?.AbsoluteUri,
            Math.Round(r.Similarity, 4),
            r.Incident.Service,
            r.Incident.Date,
            r.Incident.Severity,
            r.Incident.RootCause)).ToArray();
    }

    internal sealed record SimilarItem(string Title, string? Uri, double Similarity, string? Service, string? Date, string? Severity, string? RootCause);
}
