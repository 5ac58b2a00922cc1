using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>One rule with a stable code. Checks are pure: the same document always gives the same findings.</summary>
public interface ICheck
{
    CheckRule Rule { get; }

    IEnumerable<Finding> Run(IncidentDocument document);
}
