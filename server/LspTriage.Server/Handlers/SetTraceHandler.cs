using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>$/setTrace</c>: the client's trace level sets how much the server logs.</summary>
internal sealed class SetTraceHandler(ServerContext context) : INotificationHandler<SetTraceParams>
{
    public string Method => "$/setTrace";

    public void Apply(SetTraceParams p) =>
        context.Log.Level = ClientLogger.ParseLevel(p.Value == "verbose" ? "debug" : p.Value == "off" ? "warning" : "info");
}
