namespace LspTriage.Core.Analysis.Facts;

public enum EventKind
{
    Note,
    Change,
    Symptom,
    Alert,
    CustomerReport,
    Mitigation,
}
