using System.Diagnostics;

namespace LspTriage.Bench;

/// <summary>`lsptriage serve` as a child process, with a client on its stdio.</summary>
internal sealed class SpawnedServer : IAsyncDisposable
{
    private readonly Process _process;

    private SpawnedServer(Process process)
    {
        _process = process;
        Client = new LspClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
    }

    public LspClient Client { get; }

    public static SpawnedServer Start(string path)
    {
        var info = new ProcessStartInfo(path, "serve")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {path}");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new SpawnedServer(process);
    }

    /// <summary>Peak resident set (VmHWM) of the server process, in MiB; null where /proc is not available.</summary>
    public double? PeakRssMiB()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>shutdown + exit, then the exit code; kills a server that lingers.</summary>
    public async Task<int> StopAsync()
    {
        try
        {
            await Client.ShutdownAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or StreamJsonRpc.ConnectionLostException)
        {
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
