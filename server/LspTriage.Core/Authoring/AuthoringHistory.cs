namespace LspTriage.Core.Authoring;

/// <summary>
/// What past incidents in the workspace and history folders say about a team: the services they name, the owners
/// their action items name (most frequent first), and the incidents themselves for links.
/// </summary>
public sealed record AuthoringHistory(IReadOnlyList<string> Services, IReadOnlyList<string> Owners, IReadOnlyList<PastIncident> Incidents)
{
    public static readonly AuthoringHistory None = new([], [], []);
}

/// <summary>A past incident to link to: its id (front matter <c>id</c>, else the file name), title and file.</summary>
public sealed record PastIncident(string Id, string Title, string Path);
