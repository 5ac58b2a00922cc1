namespace LspTriage.Core.Analysis.Editing;

public enum BlockEditKind
{
    /// <summary>No analysis block yet: inserted after the raw context section.</summary>
    Inserted,

    /// <summary>The previous block was untouched since generated (hash matches): replaced.</summary>
    Replaced,

    /// <summary>The previous block was edited: kept, and the new block inserted after it (with a warning).</summary>
    InsertedAfterEdited,
}
