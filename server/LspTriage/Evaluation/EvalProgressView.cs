using LspTriage.Cli.Cli;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>A progress bar redrawn in place on a terminal; one line per finished run otherwise (CI logs).</summary>
internal abstract class EvalProgressView : IProgress<EvalProgress>
{
    public static EvalProgressView For(CliIo io) => io.IsTerminal ? new Bar(io.Error) : new Lines(io.Error);

    public abstract void Report(EvalProgress value);

    public virtual void Finish()
    {
    }

    private sealed class Bar(TextWriter error) : EvalProgressView
    {
        private const int Width = 30;
        private readonly DateTime _started = DateTime.UtcNow;
        private int _drawn;
        private int _startDone = -1;

        public override void Report(EvalProgress p)
        {
            lock (error)
            {
                if (_startDone < 0)
                {
                    _startDone = p.Done;
                }
                var filled = p.Total == 0 ? Width : p.Done * Width / p.Total;
                var rate = (p.Done - _startDone) / Math.Max(0.001, (DateTime.UtcNow - _started).TotalSeconds);
                var eta = rate > 0 ? $" eta {TimeSpan.FromSeconds((p.Total - p.Done) / rate):mm\\:ss}" : "";
                var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {p.Done}/{p.Total}{(p.Failed > 0 ? $" {p.Failed} failed" : "")}{eta} {p.Last?.Scenario}";
                error.Write("\r" + line.PadRight(_drawn));
                _drawn = line.Length;
            }
        }

        public override void Finish()
        {
            lock (error)
            {
                error.Write("\r" + new string(' ', _drawn) + "\r");
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
