using System.Globalization;
using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage similar FILE | --text "..."</c>: past incidents most like this one, by the combined match score
/// (or pg_trgm alone with <c>--lexical</c>); <c>--eval</c>/<c>--fit</c> measure and refit on a labelled set.</summary>
internal sealed class SimilarCommand : ICliCommand
{
    public string Name => "similar";

    public string Summary => "Find similar past incidents (failure, service, identifiers and pg_trgm wording; embedded index or PostgreSQL)";

    public string? Arguments => "FILE";

    public string ArgumentsDescription => "The incident file to find similar past incidents for";

    public IReadOnlyList<string> Synopsis =>
    [
        "FILE [options]",
        "--text \"TEXT\" [options]",
        "--eval DIR --history DIR [--verbose] [--embeddings onnx --model-path DIR]",
        "--fit DIR --history DIR [--out FILE] [--embeddings onnx --model-path DIR]",
    ];

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("text", "TEXT", "Search for this text instead of a file"),
        CliOption.Value("top", "N", "How many results (default 5)"),
        CliOption.Value("threshold", "X", "Minimum score, 0..1 (default: the fitted threshold; 0.3 with --lexical)"),
        CliOption.Flag("lexical", "Rank by pg_trgm similarity of the keys alone"),
        CliOption.Flag("json", "One JSON object instead of text"),
        CliOption.Value("eval", "DIR", """
            Measure on labelled queries (front matter pair: and expect_similar:): twin-first rate and MRR per pair
            kind, for pg_trgm alone, the combined score, and with --embeddings the combined score with vectors
            """),
        CliOption.Flag("verbose", "With --eval: every query's ranking"),
        CliOption.Value("fit", "DIR", """
            Refit the combined score's weights and threshold on labelled queries; prints the model (or writes it to
            --out FILE, e.g. server/LspTriage.Core/Similarity/Matching/match-model.json)
            """),
        CliOption.Value("out", "FILE", "With --fit: where to write the model"),
        CliOption.Repeated("history", "DIR", """
            Search every *.md under DIR (repeatable). Default: the incident files under the current folder
            (**/incidents/**, **/postmortems/**, *.incident.md, *.postmortem.md)
            """),
        CliOption.Value("pg", "CONN", """
            Search a shared PostgreSQL history (Npgsql connection string; default LSPTRIAGE_PG). If it is
            unreachable, the embedded index answers and a warning says so.
            """),
        .. EmbeddingOptions.Options,
    ];

    public string Details => """
        Ranks past incidents by a combined match score: the same failure signature (the offline analyzer's), the same
        service, shared identifiers (error messages, codes, metric and config names, hosts...) and pg_trgm similarity
        of the keys (title plus summary: the lexical score). Each result says why it matched.

        Exit code 0 (also when nothing is similar), 1 when the search failed, 2 on usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Value("eval") is { } evalFolder)
        {
            return await SimilarEvaluationRun.EvalAsync(evalFolder, args, io, cancellationToken).ConfigureAwait(false);
        }
        if (args.Value("fit") is { } fitFolder)
        {
            return await SimilarEvaluationRun.FitAsync(fitFolder, args, io, cancellationToken).ConfigureAwait(false);
        }
        var text = args.Value("text");
        if ((text is null) == (args.Positionals.Count != 1))
        {
            throw new UsageException("Give either one FILE or --text \"...\".");
        }
        var top = args.Integer("top", SimilarIncidentFinder.DefaultTop, 1, 1000);
        var threshold = ParseThreshold(args.Value("threshold"));

        string? file = null;
        string? fileText = null;
        if (text is null)
        {
            file = io.FullPath(args.Positionals[0]);
            if (!File.Exists(file))
            {
                await io.Error.WriteLineAsync($"lsptriage similar: {args.Positionals[0]}: no such file").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            fileText = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }

        var connection = SimilarityStoreOptions.ConnectionString(args, io);
        IIncidentStore store;
        string storeDescription;
        await using var pg = connection is null ? null : new PostgresIncidentStore(connection, PostgresIncidentStore.SearchConnections);
        if (pg is not null)
        {
            store = pg;
            storeDescription = $"PostgreSQL {pg.DisplayName}";
        }
        else
        {
            var embedded = await SimilarityStoreOptions.BuildEmbeddedAsync(args, io, cancellationToken).ConfigureAwait(false);
            store = embedded;
            storeDescription = $"embedded index of {embedded.Count} incident(s)";
        }

        var lexicalOnly = args.Has("lexical");
        using var vectors = lexicalOnly ? null : await EmbeddingOptions.CreateAsync(args, io, connection).ConfigureAwait(false);
        SimilarIncidentFinder Finder(IIncidentStore s, Core.Similarity.Records.IncidentIdPolicy? ids) =>
            lexicalOnly ? SimilarIncidentFinder.Lexical(s, ids) : new SimilarIncidentFinder(s, ids, vectors: vectors);
        var finder = Finder(store, (store as EmbeddedIncidentStore)?.Ids);
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
            var embedded = await SimilarityStoreOptions.BuildEmbeddedAsync(args, io, cancellationToken).ConfigureAwait(false);
            finder = Finder(embedded, embedded.Ids);
            storeDescription = $"embedded index of {embedded.Count} incident(s)";
            results = fileText is not null
                ? await finder.FindAsync(fileText, file, top, threshold, cancellationToken).ConfigureAwait(false)
                : await finder.FindByTextAsync(text!, top, threshold, cancellationToken).ConfigureAwait(false);
        }

        var effectiveThreshold = threshold ?? finder.DefaultThreshold;
        var key = fileText is not null ? finder.RecordFor(fileText, file).Key : text!;
        if (args.Has("json"))
        {
            await WriteJsonAsync(io, key, storeDescription, effectiveThreshold, results).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(io, storeDescription, effectiveThreshold, results).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    private static double? ParseThreshold(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 1
            ? t
            : throw new UsageException($"--threshold must be a number greater than 0 and at most 1 (got '{raw}').");
    }

    private static async Task WriteTextAsync(CliIo io, string store, double threshold, IReadOnlyList<SimilarIncident> results)
    {
        var o = io.Out;
        var method = results.Count > 0 && results[0].Match is null ? "lexical match, pg_trgm"
            : results.Count > 0 && results[0].Match!.Signals.Vector is not null ? "combined match with vectors"
            : "combined match";
        var heading = $"Similar past incidents ({method}; {store})";
        if (results.Count == 0)
        {
            await o.WriteLineAsync(heading).ConfigureAwait(false);
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  none at or above {threshold * 100:0.#}%")).ConfigureAwait(false);
            return;
        }
        var rows = results.Select(r => (r, DetailLines(io, r))).ToList();
        if (io.OutIsTerminal)
        {
            TerminalTable.Write(o, heading, ["Match", "Past incident"], rows.Select(x => (IReadOnlyList<string>)[$"{x.r.Percent}%", string.Join('\n', [x.r.Incident.Title, .. x.Item2])]));
            return;
        }
        await o.WriteLineAsync(heading).ConfigureAwait(false);
        foreach (var (r, details) in rows)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"- {r.Percent,3}%  {r.Incident.Title}")).ConfigureAwait(false);
            foreach (var line in details)
            {
                await o.WriteLineAsync("        " + line).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Why it matched, then its service, date, severity and file, root cause and resolution: one line each.</summary>
    private static List<string> DetailLines(CliIo io, SimilarIncident r)
    {
        var i = r.Incident;
        var lines = new List<string> { SimilarIncidentsRenderer.Why(r) };
        var facts = new[] { i.Service, i.Date, i.Severity }.Where(f => !string.IsNullOrEmpty(f)).ToList();
        if (i.Path is not null)
        {
            facts.Add(Path.GetRelativePath(io.WorkingDirectory, i.Path));
        }
        if (facts.Count > 0)
        {
            lines.Add(string.Join(" · ", facts));
        }
        if (i.RootCause is { Length: > 0 } cause)
        {
            lines.Add("root cause: " + cause);
        }
        if (i.Resolution is { Length: > 0 } resolution)
        {
            lines.Add("resolution: " + resolution);
        }
        return lines;
    }

    private static async Task WriteJsonAsync(CliIo io, string key, string store, double threshold, IReadOnlyList<SimilarIncident> results)
    {
        var report = new SimilarReportJson(key, store, threshold, [.. results.Select(r => new SimilarMatchJson(
            Score: r.Score,
            Percent: r.Percent,
            Similarity: r.Similarity,
            Reasons: r.Match?.Reasons ?? [],
            Signals: r.Match?.Signals,
            Id: r.Incident.Id,
            Title: r.Incident.Title,
            Service: r.Incident.Service,
            Date: r.Incident.Date,
            Severity: r.Incident.Severity,
            RootCause: r.Incident.RootCause,
            Resolution: r.Incident.Resolution,
            Path: r.Incident.Path,
            Categories: r.Incident.Categories))]);
        var json = JsonSerializer.Serialize(report, CliJson.Readable.SimilarReportJson);
        await io.Out.WriteLineAsync(json).ConfigureAwait(false);
    }
}

internal sealed record SimilarReportJson(string Key, string Store, double Threshold, IReadOnlyList<SimilarMatchJson> Results);

/// <param name="Score">The combined score (the lexical one when the combined ranking is off); <paramref name="Similarity"/> is pg_trgm's.</param>
internal sealed record SimilarMatchJson(
    float Score,
    int Percent,
    float Similarity,
    IReadOnlyList<string> Reasons,
    MatchSignals? Signals,
    string Id,
    string Title,
    string? Service,
    string? Date,
    string? Severity,
    string? RootCause,
    string? Resolution,
    string? Path,
    IReadOnlyList<string> Categories);
