using LspTriage.Cli.Cli;

namespace LspTriage.Cli.Commands;

/// <summary>
/// <c>lsptriage completion bash|zsh|pwsh</c>: a script that gives the shell tab completion of commands, options and
/// their values. The script asks lsptriage itself through System.CommandLine's <c>[suggest:POSITION]</c> directive,
/// so it never goes stale when an option is added.
/// </summary>
internal sealed class CompletionCommand : ICliCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            # lsptriage tab completion for bash: eval "$(lsptriage completion bash)" (e.g. in ~/.bashrc)
            _lsptriage_complete() {
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$(lsptriage "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _lsptriage_complete lsptriage
            """,
        ["zsh"] = """
            # lsptriage tab completion for zsh: eval "$(lsptriage completion zsh)" (e.g. in ~/.zshrc)
            autoload -U +X bashcompinit && bashcompinit
            _lsptriage_complete() {
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$(lsptriage "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _lsptriage_complete lsptriage
            """,
        ["pwsh"] = """
            # lsptriage tab completion for PowerShell: lsptriage completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName lsptriage -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                lsptriage "[suggest:$cursorPosition]" "$commandAst" | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    public string Name => "completion";

    public string Summary => "Print a shell script for tab completion (bash, zsh, pwsh)";

    public string? Arguments => "SHELL";

    public string ArgumentsDescription => "bash, zsh or pwsh";

    public IReadOnlyList<CliOption> Options { get; } = [];

    public string Details => """
        bash and zsh: eval "$(lsptriage completion bash)" in ~/.bashrc (or zsh in ~/.zshrc).
        PowerShell: lsptriage completion pwsh | Out-String | Invoke-Expression in your $PROFILE.

        Exit code 0; 2 on usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Positionals is not [var shell] || !Scripts.TryGetValue(shell, out var script))
        {
            throw new UsageException($"Name one shell: {string.Join(", ", Scripts.Keys)}.");
        }
        await io.Out.WriteLineAsync(script).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
