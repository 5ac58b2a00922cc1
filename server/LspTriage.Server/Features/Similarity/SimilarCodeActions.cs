using LspTriage.Core.Checks;
using LspTriage.Core.Text;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Similarity;

/// <summary>The code action <b>Insert similar past incidents</b>, offered on incidents and postmortems with a title.</summary>
internal sealed class SimilarCodeActions : ICodeActionContributor
{
    public IEnumerable<CodeAction> Provide(OpenDocument document, TextRange range, IReadOnlyList<Finding> findings, ServerSettings settings)
    {
        if (document.Parsed.TitleSpan.Length == 0)
        {
            yield break;
        }
        yield return new CodeAction("Insert similar past incidents", CodeActionKinds.InsertSimilar)
        {
            Command = new Command("Insert similar past incidents", InsertSimilarCommand.CommandName, [document.Uri]),
        };
    }
}
