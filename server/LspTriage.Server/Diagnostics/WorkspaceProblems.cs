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
/// other teams' past incidents, not this workspace's problems.
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

    /// <summary>One file's text as last read, and a stamp that changes whenever the text does.</summary>
    public sealed record FileState(string Path, string Text, long Stamp)
    {
        /// <summary>Kept with the file: a re-pull of thousands of unchanged files must not rebuild URIs and ids.</summary>
        public string Uri { get; } = DocumentUri.FromPath(Path);

        private CachedId? _cachedId;

        internal Computed? Result { get; set; }

        public string ResultId(int generation)
        {
            // A reference read and written whole: concurrent pulls see an old id or a new one, never half of each.
            if (Volatile.Read(ref _cachedId) is { } cached && cached.Generation == generation)
            {
                return cached.Id;
            }
            var id = $"f{Stamp}:{generation}";
            Volatile.Write(ref _cachedId, new CachedId(generation, id));
            return id;
        }
    }

    private sealed record CachedId(int Generation, string Id);

    /// <summary>Findings of a file at a stamp under a settings generation; null items: the file is not ours.</summary>
    internal sealed record Computed(long Stamp, int Generation, IReadOnlyList<Diagnostic>? Items);

    public IReadOnlyCollection<FileState> Files => _files.Values.ToArray();

    /// <summary>The file's diagnostics under these settings, computing them if the file or the settings changed.</summary>
    public static IReadOnlyList<Diagnostic>? Diagnostics(FileState file, DocumentOptions options, int generation, DocumentChecker checker)
    {
        if (file.Result is { } done && done.Stamp == file.Stamp && done.Generation == generation)
        {
            return done.Items;
        }
        var document = IncidentDocument.Parse(file.Text, file.Path, options);
        var items = document.Kind == DocumentKind.NotOurs ? null : checker.Check(document).Select(f => f.ToDiagnostic(document)).ToArray();
        file.Result = new Computed(file.Stamp, generation, items);
        return items;
    }

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
    }
}
