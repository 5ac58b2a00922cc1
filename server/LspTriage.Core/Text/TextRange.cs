namespace LspTriage.Core.Text;

/// <summary>A half-open range between two positions.</summary>
public readonly record struct TextRange(Position Start, Position End)
{
    public bool Contains(Position p) => p >= Start && p <= End;

    public static TextRange Empty(Position at) => new(at, at);

    public override string ToString() => $"{Start}-{End}";
}
