namespace LspTriage.Core.Text;

/// <summary>A zero-based line and a column counted in UTF-16 code units, which is what LSP uses and what a .NET string indexes.</summary>
public readonly record struct Position(int Line, int Character) : IComparable<Position>
{
    public int CompareTo(Position other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public static bool operator <(Position a, Position b) => a.CompareTo(b) < 0;
    public static bool operator >(Position a, Position b) => a.CompareTo(b) > 0;
    public static bool operator <=(Position a, Position b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Position a, Position b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Line + 1}:{Character + 1}";
}
