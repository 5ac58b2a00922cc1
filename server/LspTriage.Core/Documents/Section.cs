using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// A heading and everything under it up to the next heading of the same or a higher level.
/// <see cref="ContentSpan"/> starts after the heading line; it includes sub-sections.
/// </summary>
public sealed record Section(
    string Heading,
    int Level,
    SectionKind Kind,
    TextSpan HeadingSpan,
    TextSpan Span,
    TextSpan ContentSpan,
    int ParentIndex,
    bool IsGenerated)
{
    /// <summary>True when the section has no text of its own nor any sub-section (HTML comments and blank lines do not count).</summary>
    public bool IsEmpty { get; init; }

    /// <summary>True for a field line (<c>**Summary:** text</c>) rather than a heading: <see cref="Heading"/> is its label.</summary>
    public bool IsField { get; init; }

    public bool HasParent => ParentIndex >= 0;
}
