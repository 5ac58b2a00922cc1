using System.Text;
using LspTriage.Cli.Cli;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Cli.Commands;

/// <summary>Reads one file strictly as UTF-8 and checks it. Unreadable files become findings, never crashes.</summary>
internal static class FileChecker
{
    /// <summary>Larger files are reported, not parsed: no incident is 16 MiB of prose.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileResult Check(string path, bool isExplicit, CliIo io, DocumentOptions options, DocumentChecker checker)
    {
        var display = Path.GetRelativePath(io.WorkingDirectory, path).Replace('\\', '/');
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                return Single(display, Rules.Unreadable, $"The file is {length / (1024 * 1024)} MiB; files over {MaxBytes / (1024 * 1024)} MiB are not checked.");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Single(display, Rules.Unreadable, $"The file cannot be read: {ex.Message}");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            return Single(display, Rules.NotUtf8, $"The file is not valid UTF-8 (first bad byte at offset {ex.Index}); save it as UTF-8 and check again.");
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        // A file named on the command line is classified by its content; one found in a folder, by its path.
        var document = IncidentDocument.Parse(text, isExplicit ? null : path, options);
        var findings = checker.Check(document).Select(f => new LocatedFinding(f, document.RangeOf(f.Span))).ToArray();
        return new FileResult(display, findings);
    }

    private static FileResult Single(string display, CheckRule rule, string message) =>
        new(display, [new LocatedFinding(rule.At(default, message), new TextRange(default, default))]);
}

internal sealed record FileResult(string DisplayPath, IReadOnlyList<LocatedFinding> Findings);

internal sealed record LocatedFinding(Finding Finding, TextRange Range);
