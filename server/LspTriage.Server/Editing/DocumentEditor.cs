using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Editing;

/// <summary>
/// Applies server-computed edits without ever overwriting text the user typed meanwhile. Each attempt computes the
/// edit from the newest document version and sends it pinned to that version; if the client refuses it because the
/// buffer moved on, the edit is computed again against the new version, a few times, and then given up with a message.
/// </summary>
internal sealed class DocumentEditor
{
    private const int Attempts = 4;
    private readonly ServerContext _context;

    public DocumentEditor(ServerContext context) => _context = context;

    /// <param name="compute">The edits for a version, or null when there is nothing to do on that version; it throws
    /// <see cref="EditAbandonedException"/> when the user's newer text makes the edit meaningless.</param>
    public async Task<EditOutcome> ApplyAsync(string uri, string label, Func<OpenDocument, IReadOnlyList<Core.Text.TextEdit>?> compute, CancellationToken cancellationToken)
    {
        if (_context.Capabilities.Workspace?.ApplyEdit != true)
        {
            return EditOutcome.Failed("This editor does not accept edits from the server (workspace/applyEdit).");
        }
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = _context.Documents.Get(uri);
            if (document is null)
            {
                return EditOutcome.Failed("The document was closed before the edit could be applied; nothing was changed.");
            }
            IReadOnlyList<Core.Text.TextEdit>? edits;
            try
            {
                edits = compute(document);
            }
            catch (EditAbandonedException ex)
            {
                return EditOutcome.Failed(ex.Message);
            }
            if (edits is null)
            {
                return EditOutcome.Failed("There is nothing to change in the current version of the document.");
            }
            var result = await SendAsync(label, document, edits, cancellationToken).ConfigureAwait(false);
            if (result?.Applied == true)
            {
                return EditOutcome.Applied(document.Version);
            }
            // The editor sends the didChange that made the edit stale before it answers, but the answer can arrive
            // here before that notification is applied: let every message already read take its turn first.
            await _context.InOrderAsync(() => { }).ConfigureAwait(false);
            if (_context.Documents.Get(uri)?.Version == document.Version && result is not null)
            {
                // Refused for a reason other than a newer version: trying again would only repeat it.
                return EditOutcome.Failed($"The editor refused the edit: {result.FailureReason ?? "no reason given"}.");
            }
            _context.Log.Debug($"{label}: {uri} changed while the edit was in flight (attempt {attempt}); recomputing.");
            await Task.Delay(50 * attempt, cancellationToken).ConfigureAwait(false);
        }
        return EditOutcome.Failed("The document kept changing while the edit was computed; nothing was overwritten. Run it again.");
    }

    private async Task<ApplyWorkspaceEditResult?> SendAsync(string label, OpenDocument document, IReadOnlyList<Core.Text.TextEdit> edits, CancellationToken cancellationToken)
    {
        try
        {
            return await _context.RequestAsync<ApplyWorkspaceEditResult>("workspace/applyEdit",
                new ApplyWorkspaceEditParams(label, Edits.Versioned(document, edits)), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteInvocationException ex)
        {
            _context.Log.Warning($"{label}: the editor answered applyEdit with an error: {ex.Message}");
            return null;
        }
    }
}

internal sealed record EditOutcome(bool IsApplied, int Version, string? Problem)
{
    public static EditOutcome Applied(int version) => new(true, version, null);

    public static EditOutcome Failed(string problem) => new(false, 0, problem);
}

/// <summary>Thrown by an edit's computation when the newest text no longer allows it; the message is for the user.</summary>
internal sealed class EditAbandonedException(string message) : Exception(message);
