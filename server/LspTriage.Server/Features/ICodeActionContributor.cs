using LspTriage.Core.Checks;
using LspTriage.Core.Text;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features;

/// <summary>A feature that offers code actions (analysis, similar incidents) beside the checks' quick fixes.</summary>
internal interface ICodeActionContributor
{
    IEnumerable<CodeAction> Provide(OpenDocument document, TextRange range, IReadOnlyList<Finding> findings, ServerSettings settings);
}
