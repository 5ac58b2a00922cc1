using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace LspTriage.Cli.Cli;

/// <summary>
/// Turns the commands' declarations (<see cref="ICliCommand.Options"/>, <see cref="ICliCommand.Arguments"/>) into
/// System.CommandLine's tree, which parses, writes help, suggests a fix for a typo, expands response files
/// (<c>@args.rsp</c>) and answers shell completion through its <c>[suggest]</c> directive.
/// </summary>
internal static class CommandLineSyntax
{
    public delegate Task<int> CommandRunner(ICliCommand command, CliArgs args, CancellationToken cancellationToken);

    public static RootCommand Build(IReadOnlyList<ICliCommand> commands, IReadOnlyList<string> args, string description, Option<bool> version, CommandRunner run)
    {
        var root = new RootCommand(description);
        // Our own --version prints "lsptriage X.Y.Z" like the rest of our output, not the assembly's informational version.
        foreach (var builtIn in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(builtIn);
        }
        root.Options.Add(version);
        var details = new Dictionary<Command, string>();
        foreach (var command in commands)
        {
            var node = new Command(command.Name, command.Summary);
            var options = new Dictionary<string, Option>(StringComparer.Ordinal);
            foreach (var declared in command.Options)
            {
                var option = ToOption(declared);
                options[declared.Name] = option;
                node.Options.Add(option);
            }
            Argument<string[]>? positionals = null;
            if (command.Arguments is { } arguments)
            {
                positionals = new Argument<string[]>(arguments.TrimEnd('.'))
                {
                    Arity = ArgumentArity.ZeroOrMore,
                    Description = command.ArgumentsDescription,
                };
                positionals.Validators.Add(result => RejectUnknownOptions(result, args));
                node.Arguments.Add(positionals);
            }
            node.SetAction((result, cancellationToken) => run(command, new CliArgs(result, options, positionals), cancellationToken));
            details[node] = command.Details;
            root.Subcommands.Add(node);
        }
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithDetails((HelpAction)help.Action!, details);
        return root;
    }

    private static Option ToOption(CliOption declared)
    {
        Option option = declared.Kind == CliOptionKind.Flag
            ? new Option<bool>("--" + declared.Name)
            : new Option<string[]>("--" + declared.Name)
            {
                // Each occurrence takes exactly one value; a bare "--format" is an error, not an empty list.
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
                HelpName = declared.ValueName,
            };
        option.Description = declared.Description;
        if (declared.Completions.Count > 0)
        {
            option.CompletionSources.Add([.. declared.Completions]);
        }
        return option;
    }

    /// <summary>
    /// A positional argument accepts any word, so without this an unknown <c>--nope</c> would silently become a path.
    /// After <c>--</c> every word is a positional, as usual.
    /// </summary>
    private static void RejectUnknownOptions(ArgumentResult result, IReadOnlyList<string> args)
    {
        var doubleDash = args.ToList().IndexOf("--");
        var optionsEnd = doubleDash < 0 ? args.Count : doubleDash;
        foreach (var token in result.Tokens)
        {
            var value = token.Value;
            if (value.Length > 1 && value[0] == '-' && !LooksLikeNumber(value) && args.Take(optionsEnd).Contains(value))
            {
                result.AddError($"Unknown option {value}.");
                return;
            }
        }
    }

    private static bool LooksLikeNumber(string value) => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>The generated help, then what the command does in detail and its exit codes.</summary>
    private sealed class HelpWithDetails(HelpAction inner, IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text) && text.Length > 0)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(text.TrimEnd());
                parseResult.InvocationConfiguration.Output.WriteLine();
            }
            return ExitCodes.Success;
        }
    }
}
