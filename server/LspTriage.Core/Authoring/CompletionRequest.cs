using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>Where completion was asked: the document, the cursor, the text of its line before it, and the clock.</summary>
public sealed record CompletionRequest(IncidentDocument Document, Position Position, DateTimeOffset Now, AuthoringHistory History, string? DocumentPath)
{
    public int Offset => Document.Lines.OffsetAt(Position);

    public int LineStart => Document.Lines.LineStart(Position.Line);

    public string LinePrefix => Document.Text[LineStart..Offset];

    /// <summary>The span of the non-blank run ending at the cursor: what the user has typed of the current word.</summary>
    public TextSpan WordBeforeCursor()
    {
        var start = Offset;
        while (start > LineStart && !char.IsWhiteSpace(Document.Text[start - 1]))
        {
            start--;
        }
        return TextSpan.FromBounds(start, Offset);
    }
}
