using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary>Incidents by title across the workspace and history folders; the query matches as a case-insensitive subsequence.</summary>
internal sealed class WorkspaceSymbolHandler
{
    private const int MaxResults = 200;
    private readonly ServerContext _context;
    private readonly WorkspaceIncidents _incidents;

    public WorkspaceSymbolHandler(ServerContext context, WorkspaceIncidents incidents)
    {
        _context = context;
        _incidents = incidents;
    }

    [JsonRpcMethod("workspace/symbol", UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<SymbolInformation>> SymbolAsync(WorkspaceSymbolParams p, CancellationToken cancellationToken)
    {
        _context.Lifecycle.EnsureServing();
        await TaskScheduler.Default;
        var query = p.Query ?? "";
        return _incidents.Titles
            .Where(t => IsSubsequence(query, t.Title))
            .OrderBy(t => t.Title.Contains(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .Take(MaxResults)
            .Select(t => new SymbolInformation(t.Title, SymbolKind.File, new Location(DocumentUri.FromPath(t.Path), t.Range.ToProtocol()))
            {
                ContainerName = Path.GetFileName(Path.GetDirectoryName(t.Path)),
            })
            .ToArray();
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
