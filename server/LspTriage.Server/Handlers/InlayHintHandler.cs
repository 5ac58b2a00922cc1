using LspTriage.Core.Timelines;
using LspTriage.Server.Conversion;
using LspTriage.Server.Features.Timeline;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/inlayHint</c>: after the timeline entries that mark the onset, detection, mitigation and resolution, the time since the onset.</summary>
internal sealed class InlayHintHandler : IRequestHandler<InlayHintParams, IReadOnlyList<InlayHint>>
{
    public string Method => "textDocument/inlayHint";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { InlayHintProvider = true };

    public Task<IReadOnlyList<InlayHint>> HandleAsync(InlayHintParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.OurDocument(p?.TextDocument) is not { } document)
        {
            return Task.FromResult<IReadOnlyList<InlayHint>>([]);
        }
        var range = Params.Required(p!.Range, "range").ToCore();
        var parsed = document.Parsed;
        var metrics = IncidentMetricsReader.Read(parsed);
        var hints = new List<InlayHint>();
        foreach (var mark in metrics.Moments.Values.Where(m => m.Entry is not null).OrderBy(m => m.Entry!.Span.Start))
        {
            var line = parsed.RangeOf(mark.Entry!.Span).Start.Line;
            if (line < range.Start.Line || line > range.End.Line)
            {
                continue;
            }
            var end = parsed.Lines.PositionAt(parsed.Lines.LineContentEnd(line));
            hints.Add(new InlayHint(end.ToProtocol(), MetricsText.Label(metrics, mark.Moment))
            {
                PaddingLeft = true,
                Tooltip = MarkupContent.Markdown($"{mark.Moment}, chosen by {mark.Reason}. Hover the Timeline heading for all metrics."),
            });
        }
        return Task.FromResult<IReadOnlyList<InlayHint>>(hints);
    }
}
