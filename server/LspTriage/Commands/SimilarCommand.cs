using System.Globalization;
using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage similar FILE | --text "..."</c>: past incidents most like this one, by pg_trgm similarity.</summary>
internal sealed class SimilarCommand : ICliCommand
{
    public string Name => "similar";

    public string Summary => "Find similar past incidents (pg_trgm similarity; embedded index or PostgreSQL)";

    public string Usage => """
        Usage: lsptriage similar FILE [options]
               lsptriage similar --text "TEXT" [options]

        Compares the incident's key (title plus summary) with past incidents and lists the closest, best first.

          --top N          How many results (default 5)
          --threshold X    Minimum similarity, 0..1 (default 0.3, pg_trgm's default for %)
          --json           One JSON object instead of text
          --history DIR    Search every *.md under DIR (repeatable). Default: the incident files under the
                           current folder (**/incidents/**, **/postmortems/**, *.incident.md, *.postmortem.md)
          --pg CONN        Search a shared PostgreSQL history (Npgsql connection string; default LSPTRIAGE_PG).
                           If it is unreachable, the embedded index answers and a warning says so.

        Exit code 0 (also when nothing is similar), 1 when the search failed, 2 on usage errors.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken cancellationToken)
    {
        var parsed = CliArgs.Parse(args, new HashSet<string> { "text", "top", "threshold", "history", "pg" }, new HashSet<string> { "json" });
        var text = parsed.Value("text");
        if ((text is null) == (parsed.Positionals.Count != 1))
        {
            throw new UsageException("Give either one FILE or --text \"...\".");
        }
        var top = parsed.Integer("top", SimilarIncidentFinder.DefaultTop, 1, 1000);
        var threshold = ParseThreshold(parsed.Value("threshold"));

        string? file = null;
        string? fileText = null;
        if (text is null)
        {
            file = io.FullPath(parsed.Positionals[0]);
            if (!File.Exists(file))
            {
                await io.Error.WriteLineAsync($"lsptriage similar: {parsed.Positionals[0]}: no such file").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            fileText = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }

        var connection = SimilarityStoreOptions.ConnectionString(parsed, io);
        IIncidentStore store;
        string storeDescription;
        await using var pg = connection is null ? null : new PostgresIncidentStore(connection);
        if (pg is not null)
        {
            store = pg;
            storeDescription = $"PostgreSQL {pg.DisplayName}";
        }
        else
        {
            var embedded = await SimilarityStoreOptions.BuildEmbeddedAsync(parsed, io, cancellationToken).ConfigureAwait(false);
            store = embedded;
            storeDescription = $"embedded index of {embedded.Count} incident(s)";
        }

        var finder = new SimilarIncidentFinder(store, (store as EmbeddedIncidentStore)?.Ids);
        IReadOnlyList<SimilarIncident> results;
        try
        {
            results = fileText is not null
                ? await finder.FindAsync(fileText, file, top, threshold, cancellationToken).ConfigureAwait(false)
                : await finder.FindByTextAsync(text!, top, threshold, cancellationToken).ConfigureAwait(false);
        }
        catch (IncidentStoreUnavailableException e)
        {
            await io.Error.WriteLineAsync($"lsptriage similar: {e.Message}; searching the local incident files instead.").ConfigureAwait(false);
            var embedded = await SimilarityStoreOptions.BuildEmbeddedAsync(parsed, io, cancellationToken).ConfigureAwait(false);
            finder = new SimilarIncidentFinder(embedded, embedded.Ids);
            storeDescription = $"embedded index of {embedded.Count} incident(s)";
            results = fileText is not null
                ? await finder.FindAsync(fileText, file, top, threshold, cancellationToken).ConfigureAwait(false)
                : await finder.FindByTextAsync(text!, top, threshold, cancellationToken).ConfigureAwait(false);
        }

        var key = fileText is not null ? finder.RecordFor(fileText, file).Key : text!;
        if (parsed.Has("json"))
        {
            await WriteJsonAsync(io, key, storeDescription, threshold, results).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(io, storeDescription, threshold, results).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    private static double ParseThreshold(string? raw)
    {
        if (raw is null)
        {
            return SimilarityQuery.DefaultThreshold;
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 1
            ? t
            : throw new UsageException($"--threshold must be a number greater than 0 and at most 1 (got '{raw}').");
    }

    private static async Task WriteTextAsync(CliIo io, string store, double threshold, IReadOnlyList<SimilarIncident> results)
    {
        var o = io.Out;
        await o.WriteLineAsync($"Similar past incidents (lexical match, pg_trgm; {store})").ConfigureAwait(false);
        if (results.Count == 0)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  none at or above {threshold * 100:0.#}% similarity")).ConfigureAwait(false);
            return;
        }
        foreach (var r in results)
        {
            var i = r.Incident;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"- {r.Percent,3}%  {i.Title}")).ConfigureAwait(false);
            var facts = new[] { i.Service, i.Date, i.Severity }.Where(f => !string.IsNullOrEmpty(f)).ToList();
            if (i.Path is not null)
            {
                facts.Add(Path.GetRelativePath(io.WorkingDirectory, i.Path));
            }
            if (facts.Count > 0)
            {
                await o.WriteLineAsync("        " + string.Join(" · ", facts)).ConfigureAwait(false);
            }
            if (i.RootCause is { Length: > 0 } cause)
            {
                await o.WriteLineAsync("        root cause: " + cause).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteJsonAsync(CliIo io, string key, string store, double threshold, IReadOnlyList<SimilarIncident> results)
    {
        var payload = new
        {
            key,
            store,
            threshold,
            results = results.Select(r => new
            {
                similarity = r.Similarity,
                percent = r.Percent,
                id = r.Incident.Id,
                title = r.Incident.Title,
                service = r.Incident.Service,
                date = r.Incident.Date,
                severity = r.Incident.Severity,
                rootCause = r.Incident.RootCause,
                path = r.Incident.Path,
                categories = r.Incident.Categories,
            }),
        };
        var json = JsonSerializer.Serialize(payload, new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        await io.Out.WriteLineAsync(json).ConfigureAwait(false);
    }
}
