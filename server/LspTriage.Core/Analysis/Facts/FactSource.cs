namespace LspTriage.Core.Analysis.Facts;

/// <summary>What printed a line of the raw context: a person, or one of the tools people paste from.</summary>
public enum FactSource
{
    Prose,
    Alert,
    Table,
    Describe,
    Event,
    Log,
    Trace,
    Chat,
}
