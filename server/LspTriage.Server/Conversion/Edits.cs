using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Conversion;

internal static class Edits
{
    /// <summary>
    /// A workspace edit pinned to the document version it was computed for: a client whose buffer moved on rejects it
    /// instead of applying it to text it was not meant for.
    /// </summary>
    public static WorkspaceEdit Versioned(OpenDocument document, IEnumerable<Core.Text.TextEdit> edits) =>
        new([new TextDocumentEdit(new VersionedTextDocumentIdentifier(document.Uri, document.Version), edits.Select(e => e.ToProtocol()).ToArray())]);
}
