using System.Text;
using LspTriage.Cli.Cli;
using LspTriage.Core.Documents;

namespace LspTriage.Cli.Commands;

/// <summary>
/// The incident files under the given paths, parsed, for the commands that read many (stats, actions). A file that
/// cannot be read as UTF-8 is named in <see cref="Problems"/> and left out; the others are still read.
/// </summary>
internal sealed record IncidentFiles(IReadOnlyList<(string Display, IncidentDocument Document)> Documents, IReadOnlyList<string> Problems)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads them; throws <see cref="UsageException"/> for no paths or a path that does not exist.</summary>
    public static IncidentFiles Read(IReadOnlyList<string> paths, CliIo io, string command, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            throw new UsageException("Name at least one file or folder.");
        }
        var options = DocumentOptions.Default;
        var targets = CheckTargets.Resolve(paths, io, options);
        if (targets.Missing.Count > 0)
        {
            throw new UsageException(string.Join(" ", targets.Missing.Select(m => $"{m}: no such file or folder.")));
        }
        var documents = new List<(string, IncidentDocument)>();
        var problems = new List<string>();
        foreach (var (path, isExplicit) in targets.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = Path.GetRelativePath(io.WorkingDirectory, path).Replace('\\', '/');
            try
            {
                if (new FileInfo(path).Length > FileChecker.MaxBytes)
                {
                    problems.Add($"lsptriage {command}: {display}: larger than {FileChecker.MaxBytes / (1024 * 1024)} MiB, skipped");
                    continue;
                }
                var text = StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
                var document = IncidentDocument.Parse(text, isExplicit ? null : path, options);
                if (document.Kind != DocumentKind.NotOurs || isExplicit)
                {
                    documents.Add((display, document));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                problems.Add($"lsptriage {command}: {display}: {(ex is DecoderFallbackException ? "not valid UTF-8" : ex.Message)}, skipped");
            }
        }
        return new IncidentFiles(documents, problems);
    }
}
