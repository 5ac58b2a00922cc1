using LspTriage.Cli.Cli;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Evaluation;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Cli.Commands;

/// <summary>
/// <c>similar --eval DIR</c> and <c>similar --fit DIR</c>: measure the rankings on a labelled set of queries against
/// the <c>--history</c> folders, or refit the combined score's weights on it.
/// </summary>
internal static class SimilarEvaluationRun
{
    public static async Task<int> EvalAsync(string folder, CliArgs parsed, CliIo io, CancellationToken cancellationToken)
    {
        var (history, queries) = await LoadAsync(folder, parsed, io, cancellationToken).ConfigureAwait(false);
        using var vectors = await EmbeddingOptions.CreateAsync(parsed, io, null).ConfigureAwait(false);
        var lexical = SimilarIncidentFinder.Lexical(history, history.Ids);
        var combined = new SimilarIncidentFinder(history, history.Ids);
        var runs = new List<SimilarityEvaluation>
        {
            await SimilarityEvaluation.RunAsync("pg_trgm alone", lexical, queries, lexical.DefaultThreshold, cancellationToken).ConfigureAwait(false),
            await SimilarityEvaluation.RunAsync("combined score", combined, queries, combined.DefaultThreshold, cancellationToken).ConfigureAwait(false),
        };
        if (vectors is not null)
        {
            var withVectors = new SimilarIncidentFinder(history, history.Ids, vectors: vectors);
            var run = await SimilarityEvaluation.RunAsync($"combined + vectors ({vectors.ModelId})", withVectors, queries, MatchModel.Default.ThresholdFor(vectors: true), cancellationToken).ConfigureAwait(false);
            // Diagnostic: what the cosine alone ranks (the combined score's lexical floor kept), to see where the model
            // carries meaning (an English model: paraphrases more than translations).
            var cosineOnly = new MatchModel(MatchModel.Default.WithoutVectors, new MatchWeights(0, 0, 0, 0, 1, MatchModel.Default.ThresholdFor(vectors: true)));
            var alone = await SimilarityEvaluation.RunAsync("vectors alone (cosine; diagnostic)", new SimilarIncidentFinder(history, history.Ids, cosineOnly, vectors: vectors), queries, cosineOnly.ThresholdFor(vectors: true), cancellationToken).ConfigureAwait(false);
            // A provider that failed mid-run ranked (part of) the queries without vectors: not a vectors figure.
            if (vectors.Failure is null)
            {
                runs.Add(run);
                runs.Add(alone);
            }
        }
        await io.Out.WriteLineAsync($"{queries.Count} labelled queries against {history.Count} past incidents").ConfigureAwait(false);
        foreach (var run in runs)
        {
            await io.Out.WriteLineAsync().ConfigureAwait(false);
            await io.Out.WriteAsync(run.Table()).ConfigureAwait(false);
        }
        if (parsed.Has("verbose"))
        {
            await WriteMissesAsync(io, runs[^1]).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    public static async Task<int> FitAsync(string folder, CliArgs parsed, CliIo io, CancellationToken cancellationToken)
    {
        var (history, queries) = await LoadAsync(folder, parsed, io, cancellationToken).ConfigureAwait(false);
        using var vectors = await EmbeddingOptions.CreateAsync(parsed, io, null).ConfigureAwait(false);
        var cosine = vectors is null ? null : await CosinesAsync(history, queries, vectors, cancellationToken).ConfigureAwait(false);
        var model = await MatchModelFitter.FitAsync(history, queries, MatchModel.Default, cosine, cancellationToken, vectors?.ModelId).ConfigureAwait(false);
        var json = model.ToJson() + Environment.NewLine;
        if (parsed.Value("out") is { } output)
        {
            await File.WriteAllTextAsync(io.FullPath(output), json, cancellationToken).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"Wrote {output}: {model.WithoutVectors.Fit}").ConfigureAwait(false);
            if (cosine is not null)
            {
                await io.Error.WriteLineAsync($"With vectors ({vectors!.ModelId}): {model.WithVectors.Fit}").ConfigureAwait(false);
            }
        }
        else
        {
            await io.Out.WriteAsync(json).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    /// <summary>The cosine of each query's key vector with each past incident's, all embedded up front (cached by
    /// content hash); null when the provider failed.</summary>
    private static async Task<Func<LabelledQuery, Core.Similarity.Records.IncidentRecord, double?>?> CosinesAsync(
        EmbeddedIncidentStore history, IReadOnlyList<LabelledQuery> queries, IncidentVectors vectors, CancellationToken cancellationToken)
    {
        var finder = new SimilarIncidentFinder(history, history.Ids);
        var queryKeys = queries.ToDictionary(q => q, q => IncidentVectors.TextOf(finder.RecordFor(q.Text, q.Path)));
        var texts = queryKeys.Values.Concat(history.Records().Select(IncidentVectors.TextOf)).Distinct(StringComparer.Ordinal).ToList();
        var computed = await vectors.ForAsync(texts, cancellationToken).ConfigureAwait(false);
        if (vectors.Failure is not null)
        {
            return null;
        }
        var byText = texts.Select((t, i) => (t, v: computed[i])).ToDictionary(x => x.t, x => x.v, StringComparer.Ordinal);
        return (q, r) => byText[queryKeys[q]] is { } a && byText[IncidentVectors.TextOf(r)] is { } b ? VectorMath.Cosine(a, b) : null;
    }

    private static async Task<(EmbeddedIncidentStore History, IReadOnlyList<LabelledQuery> Queries)> LoadAsync(string folder, CliArgs parsed, CliIo io, CancellationToken cancellationToken)
    {
        if (parsed.Values("history").Count == 0)
        {
            throw new UsageException("--eval and --fit need --history DIR: the past incidents the queries are searched against.");
        }
        var full = io.FullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"{folder}: no such folder.");
        }
        var skipped = new List<string>();
        var queries = LabelledQuery.ReadFolder(full, skipped);
        foreach (var s in skipped)
        {
            await io.Error.WriteLineAsync($"lsptriage similar: {Path.GetRelativePath(io.WorkingDirectory, s)}: no 'pair:' label, left out").ConfigureAwait(false);
        }
        if (queries.Count == 0)
        {
            throw new UsageException($"{folder}: no labelled queries (front matter 'pair:' and 'expect_similar:').");
        }
        var history = await SimilarityStoreOptions.BuildEmbeddedAsync(parsed, io, cancellationToken).ConfigureAwait(false);
        return (history, queries);
    }

    private static async Task WriteMissesAsync(CliIo io, SimilarityEvaluation run)
    {
        await io.Out.WriteLineAsync().ConfigureAwait(false);
        await io.Out.WriteLineAsync($"Misses ({run.Ranking}):").ConfigureAwait(false);
        foreach (var o in run.Outcomes.Where(o => o.Query.Expected is not null ? o.Rank != 1 : o.Shown > 0))
        {
            await io.Out.WriteLineAsync(FormattableString.Invariant(
                $"  {Path.GetFileName(o.Query.Path)} ({o.Query.Pair}): twin rank {(o.Rank == 0 ? "-" : o.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}, top score {o.TopScore:0.00}, shown {o.Shown}")).ConfigureAwait(false);
        }
    }
}
