using LspTriage.Core.Text;

namespace LspTriage.Core.Fixes;

/// <summary>A mechanical fix: a title for the editor's light bulb and the edits it makes.</summary>
public sealed record QuickFix(string Title, IReadOnlyList<TextEdit> Edits, bool IsPreferred = false);
