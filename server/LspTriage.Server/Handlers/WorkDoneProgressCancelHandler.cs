using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>window/workDoneProgress/cancel</c>: the user pressed Cancel on one of our progress notifications.</summary>
internal sealed class WorkDoneProgressCancelHandler(WorkDoneProgress progress) : INotificationHandler<WorkDoneProgressCancelParams>
{
    public string Method => "window/workDoneProgress/cancel";

    public void Apply(WorkDoneProgressCancelParams p) => progress.Cancel(p.Token);
}
