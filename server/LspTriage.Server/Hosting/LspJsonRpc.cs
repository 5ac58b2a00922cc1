using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LspTriage.Server.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspTriage.Server.Hosting;

/// <summary>
/// JSON-RPC with LSP's error codes and no .NET internals on the wire: params that do not bind are -32602 (Invalid
/// params), unexpected failures -32603 (Internal error) with a one-line message. The stack trace goes to the log,
/// never into the response, where it would leak paths and code to whatever is on the other end.
/// </summary>
internal sealed class LspJsonRpc : JsonRpc
{
    public LspJsonRpc(IJsonRpcMessageHandler handler)
        : base(handler)
    {
    }

    /// <summary>
    /// System.Text.Json with the protocol records as the schema: a member the record declares non-nullable must be
    /// present and not null, so params missing one fail to bind (-32602 for a request, dropped for a notification)
    /// instead of reaching a handler as a null it was promised it would never see. The metadata is source-generated
    /// (<see cref="LspJsonContext"/>), not built by reflection: start-up does not pay for it, and Native AOT can run it.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The options carry LspJsonContext, the wire's source-generated metadata.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The options carry LspJsonContext, the wire's source-generated metadata.")]
    public static SystemTextJsonFormatter CreateFormatter() => new()
    {
        JsonSerializerOptions = CreateSerializerOptions(),
    };

    /// <summary>The options of the wire, also for tests that check a type is covered.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reflection is only a fallback, used where the runtime enables it (not under Native AOT).")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reflection is only a fallback, used where the runtime enables it (not under Native AOT).")]
    public static JsonSerializerOptions CreateSerializerOptions() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(LspJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : LspJsonContext.Default,
    };

    /// <summary>The options with the generated metadata alone, as Native AOT runs them (tests check coverage with it).</summary>
    public static JsonSerializerOptions CreateGeneratedOnlyOptions() => new(CreateSerializerOptions()) { TypeInfoResolver = LspJsonContext.Default };

    /// <summary>Receives the full exception of each internal error, for the server log.</summary>
    public Action<string, Exception>? InternalError { get; set; }

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        var e = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
        switch (e)
        {
            case LocalRpcException local:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)local.ErrorCode, Message = local.Message };
            case JsonException or ArgumentException or FormatException or InvalidOperationException { Source: "System.Text.Json" }:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ErrorCodes.InvalidParams, Message = $"Invalid params for {request.Method}: {e.Message}" };
            default:
                InternalError?.Invoke(request.Method ?? "(no method)", e);
                return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InternalError, Message = $"{request.Method} failed: {e.Message}" };
        }
    }
}
