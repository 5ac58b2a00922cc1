using Spectre.Console;

namespace LspTriage.Cli.Cli;

/// <summary>
/// A progress bar for a person watching the terminal (Spectre.Console): what is being done, the bar, the percentage,
/// the elapsed and the remaining time, redrawn in place and cleared at the end. Logs (CI) get lines instead, from the
/// commands themselves.
/// </summary>
internal sealed class TerminalProgressBar : IDisposable
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ProgressTask> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;

    public TerminalProgressBar(TextWriter terminal, string description, int total)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        // Spectre's live display owns the terminal until the callback returns: it waits here until Dispose.
        _display = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _ready.TrySetResult(context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total)));
                await _finished.Task.ConfigureAwait(false);
            });
    }

    public void Update(int done, string description)
    {
        var task = _ready.Task.GetAwaiter().GetResult();
        task.Value = done;
        task.Description = Markup.Escape(description);
    }

    public void Dispose()
    {
        _finished.TrySetResult();
        _display.GetAwaiter().GetResult();
    }
}
