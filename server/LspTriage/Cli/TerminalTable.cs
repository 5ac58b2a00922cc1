using Spectre.Console;

namespace LspTriage.Cli.Cli;

/// <summary>A table for a person reading the terminal (Spectre.Console), sized to its width; pipes get plain lines instead.</summary>
internal static class TerminalTable
{
    public static void Write(TextWriter terminal, string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal), Ansi = AnsiSupport.Detect });
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }
        console.Write(table);
    }
}
