using System.Globalization;

namespace LspTriage.Bench;

/// <summary>Command-line options; paths default to the repository's Release build and the shared corpus beside it.</summary>
internal sealed record BenchOptions
{
    public int Runs { get; init; } = 20;

    public int Startups { get; init; } = 10;

    public int Lines { get; init; } = 20_000;

    public int CorpusRuns { get; init; } = 5;

    public int WorkspaceFiles { get; init; } = 5_000;

    public required string Server { get; init; }

    public required string Corpus { get; init; }

    public IReadOnlySet<string> Sections { get; init; } = AllSections;

    public static readonly IReadOnlySet<string> AllSections = new HashSet<string> { "startup", "spawned", "inproc", "outline", "corpus", "authoring", "indexing" };

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LspTriage.Bench -- [options]
          --runs N          timed repetitions per document measurement (default 20)
          --startups N      server start-ups to time (default 10)
          --lines N         lines of the generated postmortem (default 20000)
          --corpus-runs N   passes over the corpus (default 5; the first is reported separately, it includes JIT)
          --server PATH     lsptriage to spawn (default: server/LspTriage/bin/Release/net10.0/lsptriage)
          --corpus PATH     folder of .md postmortems (default: ../shared/corpus/public-postmortems)
          --files N         incident files in the generated workspace of the authoring and indexing sections (default 5000)
          --only LIST       comma-separated subset of: startup, spawned, inproc, outline, corpus, authoring, indexing
        """;

    public static BenchOptions Parse(string[] args, string repoRoot)
    {
        var o = new BenchOptions
        {
            Server = Path.Combine(repoRoot, "server", "LspTriage", "bin", "Release", "net10.0", "lsptriage"),
            Corpus = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpus", "public-postmortems")),
        };
        string[] known = ["--runs", "--startups", "--lines", "--corpus-runs", "--server", "--corpus", "--only", "--files"];
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i]))
            {
                throw new ArgumentException(args[i] is "--help" or "-h" ? "" : $"unknown option {args[i]}");
            }
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--runs" => o with { Runs = Positive(value) },
                "--startups" => o with { Startups = Positive(value) },
                "--lines" => o with { Lines = Positive(value) },
                "--corpus-runs" => o with { CorpusRuns = Positive(value) },
                "--files" => o with { WorkspaceFiles = Positive(value) },
                "--server" => o with { Server = Path.GetFullPath(value) },
                "--corpus" => o with { Corpus = Path.GetFullPath(value) },
                "--only" => o with { Sections = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        var unknown = o.Sections.Except(AllSections).ToArray();
        return unknown.Length == 0 ? o : throw new ArgumentException($"unknown section(s): {string.Join(", ", unknown)}");
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"not a positive number: {value}");
}
