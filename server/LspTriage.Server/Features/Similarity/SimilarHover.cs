using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;
using LspTriage.Core.Text;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Similarity;

/// <summary>Hovering the title (or a "Similar past incidents" heading) shows the most similar past incidents.</summary>
internal sealed class SimilarHover : IHoverContributor
{
    private readonly SimilarityHost _host;

    private const string LoadingCard = "**Similar past incidents**: the index is still loading; hover again in a moment.";

    public SimilarHover(SimilarityHost host) => _host = host;

    public async Task<Hover?> ProvideAsync(OpenDocument document, Core.Text.Position position, CancellationToken cancellationToken)
    {
        var parsed = document.Parsed;
        var anchor = Anchor(parsed, position);
        if (anchor is not { } span)
        {
            return null;
        }
        var results = await _host.FindIfReadyAsync(parsed, cancellationToken).ConfigureAwait(false);
        var card = results is null ? LoadingCard : SimilarIncidentsRenderer.RenderHover(results, parsed.Path, _host.StoreName);
        return new Hover(MarkupContent.Markdown(card), parsed.ProtocolRange(span));
    }

    /// <summary>The heading line under the cursor that a similar-incidents card belongs to, if any.</summary>
    private static TextSpan? Anchor(IncidentDocument document, Core.Text.Position position)
    {
        if (document.TitleSpan.Length > 0 && document.RangeOf(document.TitleSpan).Start.Line == position.Line)
        {
            return document.TitleSpan;
        }
        var heading = document.Sections.FirstOrDefault(s => s.Kind == SectionKind.SimilarIncidents && document.RangeOf(s.HeadingSpan).Start.Line == position.Line);
        return heading?.HeadingSpan;
    }
}
