using LspTriage.Core.Documents;
using LspTriage.Core.Timelines;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Timeline;

/// <summary>Hovering a Timeline heading shows the incident's moments and time to detect, mitigate and resolve.</summary>
internal sealed class TimelineMetricsHover : IHoverContributor
{
    public Task<Hover?> ProvideAsync(OpenDocument document, Core.Text.Position position, CancellationToken cancellationToken)
    {
        var parsed = document.Parsed;
        var heading = parsed.Sections.FirstOrDefault(s => s.Kind == SectionKind.Timeline && parsed.RangeOf(s.HeadingSpan).Start.Line == position.Line);
        if (heading is null)
        {
            return Task.FromResult<Hover?>(null);
        }
        var metrics = IncidentMetricsReader.Read(parsed);
        return Task.FromResult<Hover?>(new Hover(MarkupContent.Markdown(MetricsText.Card(metrics)), parsed.ProtocolRange(heading.HeadingSpan)));
    }
}
