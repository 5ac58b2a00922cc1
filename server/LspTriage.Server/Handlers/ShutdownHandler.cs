using LspTriage.Server.Hosting;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>shutdown</c>: from here on only <c>exit</c> is served.</summary>
internal sealed class ShutdownHandler(ServerContext context) : IMutatingRequestHandler<NoParams, object?>
{
    public string Method => "shutdown";

    public object? Apply(NoParams parameters)
    {
        context.Lifecycle.MarkShutdown();
        return null;
    }
}
