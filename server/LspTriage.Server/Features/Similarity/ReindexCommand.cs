namespace LspTriage.Server.Features.Similarity;

/// <summary><c>lspTriage.reindex</c>: rebuilds the similar-incidents index from the workspace and history folders.</summary>
internal sealed class ReindexCommand : IServerCommand
{
    private readonly SimilarityHost _host;

    public ReindexCommand(SimilarityHost host) => _host = host;

    public string Name => "lspTriage.reindex";

    public async Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await _host.ConfigureAsync(force: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ReindexResult(_host.StoreName);
    }

    internal sealed record ReindexResult(string Store);
}
