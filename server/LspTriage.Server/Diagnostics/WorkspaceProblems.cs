using System.Collections.Concurrent;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;
using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>
/// The incident files under the workspace folders, open or not, with their findings computed once per file change
/// and settings generation. Fed by the workspace scan and file events; history folders outside the workspace are
/// other teams' past incidents, not this workspace's problems. LT030 (repeat incident) comes later, from
/// <see cref="WorkspaceRepeats"/> once the similarity index is built, and changes the file's result id.
/// </summary>
internal sealed class WorkspaceProblems
{
    private readonly ConcurrentDictionary<string, FileState> _files = new(FilePaths.Comparer);
    private readonly ServerContext _server;
    private long _stamp;

    public WorkspaceProblems(ServerContext server, WorkspaceIncidents incidents)
    {
        _server = server;
        incidents.FileChanged += OnFileChanged;
    }

    /// <summary>A workspace or history file changed or went away: LT030 of the files that found it is stale.</summary>
    public event Action<string>? PathChanged;

    /// <summary>One file's text as last read, a stamp that changes whenever the text does, and its last report.</summary>
    public sealed class FileState(string path, string text, long stamp)
    {
        private Report? _report;

        public string Path { get; } = path;

        public string Text { get; } = text;

        public long Stamp { get; } = stamp;

        /// <summary>Kept with the file: a re-pull of thousands of unchanged files must not rebuild URIs and ids.</summary>
        public string Uri { get; } = DocumentUri.FromPath(path);

        /// <summary>The report under this settings generation, or null when the file has not been checked under it.</summary>
        internal Report? Current(int generation) => Latest is { } report && report.Generation == generation ? report : null;

        internal Report? Latest => Volatile.Read(ref _report);

        /// <summary>The id of what a pull would report now; the same id as the report's once it is computed.</summary>
        public string ResultId(int generation) => Current(generation)?.Id ?? Report.IdOf(Stamp, generation, null);

        private EncodedUnchanged? _unchanged;

        /// <summary>The unchanged report for this id, encoded once (a re-pull answers thousands of files with it).</summary>
        public RawJson Unchanged(string resultId)
        {
            if (Volatile.Read(ref _unchanged) is { } cached && cached.ResultId == resultId)
            {
                return cached.Json;
            }
            var json = new RawJson(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new WorkspaceUnchangedDocumentDiagnosticReport(Uri, null, resultId), LspJsonContext.Default.WorkspaceUnchangedDocumentDiagnosticReport));
            Volatile.Write(ref _unchanged, new EncodedUnchanged(resultId, json));
            return json;
        }

        private sealed record EncodedUnchanged(string ResultId, RawJson Json);

        /// <summary>Replaces <paramref name="expected"/> whole (a pull sees the old report or the new one, never half).</summary>
        internal bool Replace(Report? expected, Report next) => Interlocked.CompareExchange(ref _report, next, expected) == expected;
    }

    /// <summary>
    /// What a pull reports for a file under a settings generation: its own findings (null: the file is not ours), the
    /// facts LT030 needs, LT030's findings once searched (<see cref="Repeats"/>), and the id naming all of it.
    /// </summary>
    internal sealed record Report(long Stamp, int Generation, IReadOnlyList<Diagnostic>? Own, DateOnly? Date, bool RepeatsDisabled, Repeats? Repeats)
    {
        public string Id { get; } = IdOf(Stamp, Generation, Repeats);

        /// <summary>Own findings and LT030's, in document order; null when the file is not ours.</summary>
        public IReadOnlyList<Diagnostic>? Items { get; } = Own is null || Repeats is not { Items.Count: > 0 } r
            ? Own
            : [.. Own.Concat(r.Items).OrderBy(d => d.Range.Start.Line).ThenBy(d => d.Range.Start.Character)];

        /// <summary>LT030 can change while the file does not (a past incident's items closed): the id says what it found.</summary>
        public static string IdOf(long stamp, int generation, Repeats? repeats) =>
            repeats is { Items.Count: > 0 } r ? $"f{stamp}:{generation}:r{r.Hash}" : $"f{stamp}:{generation}";
    }

    /// <summary>LT030's findings for one file version, and the files the search found (a change to one makes them stale).</summary>
    internal sealed record Repeats(IReadOnlyList<Diagnostic> Items, IReadOnlySet<string> Related)
    {
        public static readonly Repeats None = new([], new HashSet<string>());

        // string.GetHashCode differs between processes: fine, result ids live as long as the server.
        public string Hash { get; } = string.Join('\n', Items.Select(d => d.Message)).GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public IReadOnlyCollection<FileState> Files => _files.Values.ToArray();

    /// <summary>The text and stamp of a workspace file as last read (LT030 reads past incidents from here, not from disk).</summary>
    public (string Text, long Stamp)? TextOf(string path) => _files.TryGetValue(path, out var file) ? (file.Text, file.Stamp) : null;

    /// <summary>The file's report under these settings, checking the file if it or the settings changed.</summary>
    public static Report Check(FileState file, DocumentOptions options, int generation, DocumentChecker checker)
    {
        while (true)
        {
            var latest = file.Latest;
            if (latest is not null && latest.Generation == generation)
            {
                return latest;
            }
            var document = IncidentDocument.Parse(file.Text, file.Path, options);
            var report = document.Kind == DocumentKind.NotOurs
                ? new Report(file.Stamp, generation, null, null, true, null)
                : new Report(file.Stamp, generation, checker.Check(document).Select(f => f.ToDiagnostic(document)).ToArray(),
                    RepeatIncidentCheck.DateOf(document), document.DisabledRules.Contains(Rules.RepeatIncident.Code), null);
            // Whoever stored a report first wins: two pulls racing on one file report the same id.
            if (file.Replace(latest, report))
            {
                return report;
            }
        }
    }

    /// <summary>
    /// Checks every file not checked under these settings yet, on every core: the start-up scan does it before the
    /// similarity index takes the cores, so the first pull only has to write the report.
    /// </summary>
    public void CheckAll(DocumentOptions options, int generation, DocumentChecker checker, CancellationToken cancellationToken) =>
        Parallel.ForEach(_files.Values, new ParallelOptions { CancellationToken = cancellationToken }, f => Check(f, options, generation, checker));

    /// <summary>Adds LT030's findings to the report they were searched for; false when the file or settings moved on meanwhile.</summary>
    public static bool SetRepeats(FileState file, Report searched, Repeats repeats) =>
        // Not `with`: the id and items are computed when a report is built.
        file.Replace(searched, new Report(searched.Stamp, searched.Generation, searched.Own, searched.Date, searched.RepeatsDisabled, repeats));

    private void OnFileChanged(string path, string? text)
    {
        if (text is null)
        {
            _files.TryRemove(path, out _);
        }
        else if (_server.WorkspaceFolders.Any(folder => FilePaths.IsUnder(path, folder)))
        {
            _files[path] = new FileState(path, text, Interlocked.Increment(ref _stamp));
        }
        PathChanged?.Invoke(path);
    }
}
