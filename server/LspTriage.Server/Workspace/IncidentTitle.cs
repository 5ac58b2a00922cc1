using LspTriage.Core.Text;

namespace LspTriage.Server.Workspace;

/// <summary>An incident file's title and where it is, for workspace/symbol.</summary>
internal sealed record IncidentTitle(string Path, string Title, TextRange Range);
