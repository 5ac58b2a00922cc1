namespace LspTriage.Core.Analysis.Model;

public enum Confidence
{
    Low,
    Medium,
    High,
}
