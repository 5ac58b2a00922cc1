namespace LspTriage.Core.Checks;

/// <summary>
/// A similar past incident as the repeat-incident rule (<see cref="RepeatIncidentCheck"/>) needs it: when it happened
/// and how many of its action items are still open. The caller finds these (the server from its similarity index):
/// the rule itself stays a pure function of the document and this list.
/// </summary>
/// <param name="Title">What the diagnostic calls it.</param>
/// <param name="Path">Its file, for the link; null when the store knows no file.</param>
/// <param name="Line">The 0-based line the link points at (its first open action item, else 0).</param>
public sealed record RecentSimilarIncident(string Title, string? Path, DateOnly Date, int OpenActionItems, int Line = 0);
