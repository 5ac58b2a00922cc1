using LspTriage.Core.Files;
using LspTriage.Cli.Cli;
using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary>How <c>similar</c> picks its store: PostgreSQL when <c>--pg</c> or <c>LSPTRIAGE_PG</c> gives a connection
/// string (falling back to the embedded index, with a warning, when it is unreachable), else the embedded index over the
/// history folders (default: the incident files under the working directory).</summary>
internal static class SimilarityStoreOptions
{
    public static string? ConnectionString(CliArgs parsed, CliIo io) =>
        parsed.Value("pg") is { Length: > 0 } pg ? pg : io.GetEnvironment(PostgresIncidentStore.EnvironmentVariable) is { Length: > 0 } env ? env : null;

    /// <summary>Builds the embedded index: every <c>*.md</c> under <c>--history</c> folders, or the incident files
    /// (by the usual globs) under the working directory when none is given.</summary>
    public static async Task<EmbeddedIncidentStore> BuildEmbeddedAsync(CliArgs parsed, CliIo io, CancellationToken cancellationToken)
    {
        var history = parsed.Values("history").Select(io.FullPath).ToList();
        foreach (var missing in history.Where(h => !Directory.Exists(h)))
        {
            throw new UsageException($"--history {missing}: no such folder.");
        }
        EmbeddedIncidentStore store;
        if (history.Count > 0)
        {
            store = new EmbeddedIncidentStore(MarkdownFiles.IsCandidate);
            await store.IndexFoldersAsync(history, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var options = DocumentOptions.Default;
            store = new EmbeddedIncidentStore(p => MarkdownFiles.IsCandidate(p) && options.IsIncidentPath(p));
            await store.IndexFoldersAsync([io.WorkingDirectory], null, cancellationToken).ConfigureAwait(false);
        }
        return store;
    }

}
