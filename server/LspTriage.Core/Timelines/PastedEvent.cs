namespace LspTriage.Core.Timelines;

/// <summary>
/// One event read from pasted chat, log or incident-log lines. <see cref="Date"/> is null when nothing in the paste
/// gave one; <see cref="Offset"/> is null when the line named no zone. <see cref="Author"/> is the chat author or the
/// program that logged the line, when the line names one.
/// </summary>
public sealed record PastedEvent(DateOnly? Date, TimeOnly Time, TimeSpan? Offset, string? Author, string Text, int Line);
