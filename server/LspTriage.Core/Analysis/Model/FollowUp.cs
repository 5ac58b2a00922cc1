namespace LspTriage.Core.Analysis.Model;

/// <summary><see cref="Priority"/> is P0 (most urgent) to P3; <see cref="Owner"/> a team.</summary>
public sealed record FollowUp(string Priority, string Action, string Owner);
