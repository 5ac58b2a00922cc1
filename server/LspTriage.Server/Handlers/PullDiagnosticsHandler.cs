using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/diagnostic</c>: the document version is the result id, so an unchanged document costs nothing.</summary>
internal sealed class PullDiagnosticsHandler
{
    private readonly ServerContext _context;
    private readonly DiagnosticsComputer _computer;

    public PullDiagnosticsHandler(ServerContext context, DiagnosticsComputer computer)
    {
        _context = context;
        _computer = computer;
    }

    [JsonRpcMethod("textDocument/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public async Task<object> DiagnosticAsync(DocumentDiagnosticParams p, CancellationToken cancellationToken)
    {
        var document = _context.Snapshot(p?.TextDocument);
        if (document is null)
        {
            return new FullDocumentDiagnosticReport("closed", []);
        }
        var resultId = $"{document.Version}:{_context.SettingsGeneration}";
        if (p!.PreviousResultId == resultId)
        {
            return new UnchangedDocumentDiagnosticReport(resultId);
        }
        await TaskScheduler.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var items = document.IsOurs ? _computer.Compute(document) : [];
        return new FullDocumentDiagnosticReport(resultId, items);
    }
}
