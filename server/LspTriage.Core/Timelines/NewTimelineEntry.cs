namespace LspTriage.Core.Timelines;

/// <summary>
/// A timeline entry made from pasted events, at <see cref="At"/> in the document's zone. <see cref="Repeats"/> counts
/// the folded repeats of the same message after the first, the last of them at <see cref="LastAt"/>.
/// </summary>
public sealed record NewTimelineEntry(DateTimeOffset At, string? Author, string Text, int Repeats, DateTimeOffset LastAt)
{
    /// <summary>The description as the entry shows it: the author before the text when known.</summary>
    public string Description => Author is { Length: > 0 } a ? $"{a}: {Text}" : Text;
}
