namespace LspTriage.Core.Checks;

public enum FindingSeverity
{
    Error,
    Warning,
    Information,
    Hint,
}
