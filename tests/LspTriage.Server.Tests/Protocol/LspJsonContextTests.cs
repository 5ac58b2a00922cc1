using LspTriage.Server.Hosting;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// The wire's JSON metadata is source-generated only (no reflection fallback, as under Native AOT): every handler's
/// params and result type must be in <see cref="LspJsonContext"/>. The flow tests cover the runtime types behind
/// object-typed results and what the server sends.
/// </summary>
public sealed class LspJsonContextTests
{
    public static TheoryData<string> HandlerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in WireTypes())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HandlerTypes))]
    public void Every_handler_params_and_result_type_has_generated_metadata(string typeName)
    {
        var type = WireTypes().First(t => t.FullName == typeName);
        var options = LspJsonRpc.CreateGeneratedOnlyOptions();
        var info = options.GetTypeInfo(type);
        Assert.NotNull(info);
    }

    [Fact]
    public void The_results_of_the_built_in_commands_and_what_the_server_sends_have_generated_metadata()
    {
        var options = LspJsonRpc.CreateGeneratedOnlyOptions();
        Type[] types =
        [
            typeof(Features.Analysis.AnalyzeIncidentCommand.AnalyzeResult), typeof(Features.Similarity.FindSimilarCommand.SimilarItem[]),
            typeof(Features.Similarity.InsertSimilarCommand.InsertResult), typeof(Features.Similarity.ReindexCommand.ReindexResult),
            typeof(LspTriage.Server.Protocol.PublishDiagnosticsParams), typeof(LspTriage.Server.Protocol.ApplyWorkspaceEditParams),
            typeof(LspTriage.Server.Protocol.ProgressParams<LspTriage.Server.Protocol.WorkDoneProgressReport>), typeof(StreamJsonRpc.RequestId),
        ];
        foreach (var type in types)
        {
            Assert.NotNull(options.GetTypeInfo(type));
        }
    }

    private static IEnumerable<Type> WireTypes() =>
        typeof(IMethodHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMethodHandler).IsAssignableFrom(t))
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType)
            .SelectMany(i => i.GetGenericArguments())
            .Select(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>) ? t.GetGenericArguments()[0] : t)
            .Distinct();
}
