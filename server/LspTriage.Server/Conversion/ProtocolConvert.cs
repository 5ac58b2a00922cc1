using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using P = LspTriage.Server.Protocol;

namespace LspTriage.Server.Conversion;

/// <summary>Core values to protocol values and back. Core positions already are UTF-16 line/character pairs.</summary>
internal static class ProtocolConvert
{
    public const string Source = "lsptriage";

    public static P.Position ToProtocol(this Position p) => new(p.Line, p.Character);

    public static P.Range ToProtocol(this TextRange r) => new(r.Start.ToProtocol(), r.End.ToProtocol());

    /// <summary>Positions are unsigned in LSP: a negative one is the client's error (-32602), not a place in the text.</summary>
    public static Position ToCore(this P.Position p) =>
        p.Line >= 0 && p.Character >= 0
            ? new(p.Line, p.Character)
            : throw new StreamJsonRpc.LocalRpcException($"Invalid params: position {p.Line}:{p.Character} is negative.") { ErrorCode = P.ErrorCodes.InvalidParams };

    public static TextRange ToCore(this P.Range r) => new(r.Start.ToCore(), r.End.ToCore());

    public static P.Range ProtocolRange(this IncidentDocument document, TextSpan span) => document.RangeOf(span).ToProtocol();

    public static P.TextEdit ToProtocol(this TextEdit edit) => new(edit.Range.ToProtocol(), edit.NewText);

    public static P.Diagnostic ToDiagnostic(this Finding finding, IncidentDocument document)
    {
        var diagnostic = new P.Diagnostic(document.ProtocolRange(finding.Span), ToSeverity(finding.Severity), finding.Code, Source, finding.Message);
        if (finding.Related.Count == 0)
        {
            return diagnostic;
        }
        // The first related file is also the code description: editors that do not show related information still
        // render the code as a link to the past incident.
        var related = finding.Related
            .Select(r => new P.DiagnosticRelatedInformation(new P.Location(Workspace.DocumentUri.FromPath(r.Path), new P.Range(new(r.Line, 0), new(r.Line, 0))), r.Message))
            .ToArray();
        return diagnostic with { RelatedInformation = related, CodeDescription = new P.CodeDescription(related[0].Location.Uri) };
    }

    public static int ToSeverity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => P.DiagnosticSeverity.Error,
        FindingSeverity.Warning => P.DiagnosticSeverity.Warning,
        FindingSeverity.Information => P.DiagnosticSeverity.Information,
        _ => P.DiagnosticSeverity.Hint,
    };
}
