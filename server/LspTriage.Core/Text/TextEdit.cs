namespace LspTriage.Core.Text;

/// <summary>Replace the text in <see cref="Range"/> with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextRange Range, string NewText);
