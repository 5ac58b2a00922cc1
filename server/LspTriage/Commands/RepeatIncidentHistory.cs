using LspTriage.Cli.Cli;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary>
/// <c>check --history DIR</c>: the past incidents LT030 (repeat incident) compares against — every <c>*.md</c> under
/// the history folders and the files being checked, in one embedded index, as the editor's index holds its history
/// folders and workspace. A file's similar incidents are read as the editor reads them (<see cref="RecentSimilarIncidentReader"/>).
/// </summary>
internal sealed class RepeatIncidentHistory
{
    private readonly SimilarIncidentFinder _finder;

    private RepeatIncidentHistory(SimilarIncidentFinder finder) => _finder = finder;

    /// <summary>Null when no <c>--history</c> was given; a usage error when a folder does not exist.</summary>
    public static async Task<RepeatIncidentHistory?> BuildAsync(CliArgs args, CliIo io, IEnumerable<string> checkedFiles, CancellationToken cancellationToken)
    {
        var folders = args.Values("history").Select(io.FullPath).ToArray();
        if (folders.Length == 0)
        {
            return null;
        }
        foreach (var missing in folders.Where(f => !Directory.Exists(f)))
        {
            throw new UsageException($"--history {missing}: no such folder.");
        }
        var store = new EmbeddedIncidentStore(MarkdownFiles.IsCandidate);
        await store.IndexFoldersAsync(folders, null, cancellationToken).ConfigureAwait(false);
        foreach (var path in checkedFiles)
        {
            try
            {
                store.UpsertText(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // FileChecker reports the unreadable file; it is simply not a past incident for the others.
            }
        }
        return new RepeatIncidentHistory(new SimilarIncidentFinder(store, store.Ids));
    }

    /// <summary>The checker for one file: the default rules, plus LT030 when a similar past incident is in the history.</summary>
    public async Task<DocumentChecker> CheckerForAsync(string path, DocumentOptions options, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DocumentChecker.Default;
        }
        // Without a date nothing is "within 30 days before": no search.
        if (RepeatIncidentCheck.DateOf(IncidentDocument.Parse(text, path, options)) is null)
        {
            return DocumentChecker.Default;
        }
        var found = await _finder.FindAsync(text, path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var past = found.Select(f => RecentSimilarIncidentReader.Read(f, options)).OfType<RecentSimilarIncident>().ToArray();
        return past.Length == 0 ? DocumentChecker.Default : DocumentChecker.Default.With(new RepeatIncidentCheck(past));
    }
}
