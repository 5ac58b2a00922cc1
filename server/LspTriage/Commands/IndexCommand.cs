using LspTriage.Core.Files;
using System.Globalization;
using LspTriage.Cli.Cli;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage index PATH... --pg CONN</c>: loads a history of incident files into the shared PostgreSQL store.</summary>
internal sealed class IndexCommand : ICliCommand
{
    private const int BatchSize = 500;

    public string Name => "index";

    public string Summary => "Load incident files into the shared PostgreSQL history (idempotent)";

    public string? Arguments => "PATH...";

    public string ArgumentsDescription => "Folders (every *.md under them) and files to load";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("pg", "CONN", """
            Npgsql connection string (default: LSPTRIAGE_PG),
            e.g. "Host=db;Port=5432;Username=triage;Password=...;Database=incidents"
            """),
    ];

    public string Details => """
        Reads every *.md file under the given folders (and the files named), and upserts one record per incident
        into PostgreSQL, creating or migrating the schema first (pg_trgm, a GIN gin_trgm_ops index). Records are keyed
        by front matter id (or uuid), else by the file's path relative to the folder given, so running it again
        changes nothing and a moved checkout keeps the same ids.

        Exit code 0 when every file was loaded, 1 when the database failed or some files could not be read, 2 on
        usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Name at least one folder or file to index.");
        }
        var connection = SimilarityStoreOptions.ConnectionString(args, io)
            ?? throw new UsageException("Give the database with --pg CONN or the LSPTRIAGE_PG environment variable.");

        var files = new List<(string Path, string RelativeId)>();
        foreach (var argument in args.Positionals)
        {
            var full = io.FullPath(argument);
            if (File.Exists(full))
            {
                files.Add((full, Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                files.AddRange(MarkdownFiles.Under(full)
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(full, f).Replace('\\', '/'))));
            }
            else
            {
                await io.Error.WriteLineAsync($"lsptriage index: {argument}: no such file or folder").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        await using var store = new PostgresIncidentStore(connection);
        try
        {
            var migrated = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (migrated.Count > 0)
            {
                await io.Error.WriteLineAsync($"Schema migrated to version {migrated[^1]} on {store.DisplayName}.").ConfigureAwait(false);
            }
            var unreadable = new List<string>();
            var changed = 0;
            var loaded = 0;
            var batch = new List<IncidentRecord>(BatchSize);
            using (var bar = io.IsTerminal ? new TerminalProgressBar(io.Error, "indexing", files.Count) : null)
            {
                for (var i = 0; i < files.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var text = await File.ReadAllTextAsync(files[i].Path, cancellationToken).ConfigureAwait(false);
                        batch.Add(IncidentRecordReader.Read(text, files[i].Path, files[i].RelativeId));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        unreadable.Add($"{files[i].Path}: {e.Message}");
                    }
                    if (batch.Count == BatchSize || i == files.Count - 1)
                    {
                        changed += await store.UpsertCountingAsync(batch, cancellationToken).ConfigureAwait(false);
                        loaded += batch.Count;
                        batch.Clear();
                        await ReportProgressAsync(io, bar, i + 1, files.Count).ConfigureAwait(false);
                    }
                }
            }
            var total = await store.CountAsync(cancellationToken).ConfigureAwait(false);
            foreach (var u in unreadable)
            {
                await io.Error.WriteLineAsync($"lsptriage index: {u}").ConfigureAwait(false);
            }
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Indexed {loaded} file(s) into {store.DisplayName}: {changed} new or changed, {loaded - changed} unchanged, {unreadable.Count} unreadable; the history holds {total} incident(s).")).ConfigureAwait(false);
            return unreadable.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }
        catch (IncidentStoreUnavailableException e)
        {
            await io.Error.WriteLineAsync($"lsptriage index: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static async Task ReportProgressAsync(CliIo io, TerminalProgressBar? bar, int done, int total)
    {
        if (bar is not null)
        {
            bar.Update(done, string.Create(CultureInfo.InvariantCulture, $"indexing {done}/{total}"));
        }
        else if (done == total || done % 5000 == 0)
        {
            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"indexed {done}/{total}")).ConfigureAwait(false);
        }
    }
}
