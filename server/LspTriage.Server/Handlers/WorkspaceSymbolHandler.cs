using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>workspace/symbol</c>: incidents by title across the workspace and history folders; the query matches as a case-insensitive subsequence.</summary>
internal sealed class WorkspaceSymbolHandler(WorkspaceIncidents incidents) : IRequestHandler<WorkspaceSymbolParams, IReadOnlyList<SymbolInformation>>
{
    private const int MaxResults = 200;

    public string Method => "workspace/symbol";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { WorkspaceSymbolProvider = true };

    public Task<IReadOnlyList<SymbolInformation>> HandleAsync(WorkspaceSymbolParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var query = p.Query ?? "";
        IReadOnlyList<SymbolInformation> symbols = incidents.Titles
            .Where(t => IsSubsequence(query, t.Title))
            .OrderBy(t => t.Title.Contains(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .Take(MaxResults)
            .Select(t => new SymbolInformation(t.Title, SymbolKind.File, new Location(DocumentUri.FromPath(t.Path), t.Range.ToProtocol()))
            {
                ContainerName = Path.GetFileName(Path.GetDirectoryName(t.Path)),
            })
            .ToArray();
        return Task.FromResult(symbols);
    }

    internal static bool IsSubsequence(string query, string text)
    {
        var i = 0;
        foreach (var c in text)
        {
            if (i < query.Length && char.ToLowerInvariant(c) == char.ToLowerInvariant(query[i]))
            {
                i++;
            }
        }
        return i == query.Length || query.All(char.IsWhiteSpace);
    }
}
