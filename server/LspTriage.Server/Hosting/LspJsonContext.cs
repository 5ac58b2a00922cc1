using System.Text.Json;
using System.Text.Json.Serialization;
using LspTriage.Server.Features.Analysis;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Hosting;

/// <summary>
/// Source-generated System.Text.Json metadata for every type that crosses the wire: params and results of every
/// handler, what the server sends to the client, and the runtime types behind the <c>object</c>-typed results
/// (command results, pull-diagnostics reports). Without it the first message of each type builds its serializer by
/// reflection (and Reflection.Emit), which was most of <c>initialize</c>'s time; with it the server needs no
/// reflection-based JSON, which Native AOT requires. <c>LspJsonContextTests</c> fails when a handler's params or
/// result type is missing here. Reflection stays as a fallback where the runtime allows it (JIT builds: features that
/// tests add return their own types); under Native AOT a type missing here fails that one message.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
// Handlers' params and results.
[JsonSerializable(typeof(NoParams))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(WorkDoneProgressCancelParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeLens>))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(FullDocumentDiagnosticReport))]
[JsonSerializable(typeof(UnchangedDocumentDiagnosticReport))]
[JsonSerializable(typeof(DocumentLinkParams))]
[JsonSerializable(typeof(RawJson))]
[JsonSerializable(typeof(IReadOnlyList<DocumentLink>))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSymbol>))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(FoldingRangeParams))]
[JsonSerializable(typeof(IReadOnlyList<FoldingRange>))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(IReadOnlyList<InlayHint>))]
[JsonSerializable(typeof(WorkspaceDiagnosticParams))]
[JsonSerializable(typeof(WorkspaceDiagnosticReport))]
[JsonSerializable(typeof(WorkspaceFullDocumentDiagnosticReport))]
[JsonSerializable(typeof(WorkspaceUnchangedDocumentDiagnosticReport))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(IReadOnlyList<SymbolInformation>))]
// Command results (ExecuteCommandHandler returns object).
[JsonSerializable(typeof(AnalyzeIncidentCommand.AnalyzeResult))]
[JsonSerializable(typeof(FindSimilarCommand.SimilarItem[]))]
[JsonSerializable(typeof(InsertSimilarCommand.InsertResult))]
[JsonSerializable(typeof(ReindexCommand.ReindexResult))]
// What the server sends: notifications, requests and their answers.
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(ShowDocumentParams))]
[JsonSerializable(typeof(ShowDocumentResult))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressBegin>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressReport>))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgressEnd>))]
[JsonSerializable(typeof(EmptyParams))]
// StreamJsonRpc's own: $/cancelRequest's id (its converter, in the formatter's options, does the work).
[JsonSerializable(typeof(StreamJsonRpc.RequestId))]
// Values inside object-typed members (command arguments, registration options).
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
internal sealed partial class LspJsonContext : JsonSerializerContext
{
}
