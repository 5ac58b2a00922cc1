using LspTriage.Cli.Cli;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>A progress bar on a terminal (<see cref="TerminalProgressBar"/>); one line per finished run otherwise (CI logs).</summary>
internal abstract class EvalProgressView : IProgress<EvalProgress>
{
    public static EvalProgressView For(CliIo io) => io.IsTerminal ? new Bar(io.Error) : new Lines(io.Error);

    public abstract void Report(EvalProgress value);

    public virtual void Finish()
    {
    }

    private sealed class Bar(TextWriter error) : EvalProgressView
    {
        private TerminalProgressBar? _bar;

        public override void Report(EvalProgress p)
        {
            lock (this)
            {
                _bar ??= new TerminalProgressBar(error, "eval", p.Total);
                _bar.Update(p.Done, $"eval {p.Done}/{p.Total}{(p.Failed > 0 ? $" {p.Failed} failed" : "")} {p.Last?.Scenario}");
            }
        }

        public override void Finish()
        {
            lock (this)
            {
                _bar?.Dispose();
            }
        }
    }

    private sealed class Lines(TextWriter error) : EvalProgressView
    {
        public override void Report(EvalProgress p)
        {
            if (p.Last is not { } r)
            {
                return;
            }
            var outcome = r.Failed ? $"FAILED {r.ErrorKind}: {r.Error}" : $"{r.Category} {(r.Top1 ? "top-1" : "miss")} {r.LatencyMs:0.#}ms";
            lock (error)
            {
                error.WriteLine($"eval {p.Done}/{p.Total} {r.Combination.Key} {r.Scenario} #{r.Repeat}: {outcome}");
            }
        }
    }
}
