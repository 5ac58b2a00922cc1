using LspTriage.Server.Hosting;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>exit</c>: ends the process, with 0 only after <c>shutdown</c>.</summary>
internal sealed class ExitHandler(ServerContext context) : INotificationHandler<NoParams>
{
    public string Method => "exit";

    public bool IgnoresLifecycle => true;

    public void Apply(NoParams parameters) => context.Lifecycle.Exit();
}
