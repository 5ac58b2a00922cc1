using System.Text;
using LspTriage.Cli.Cli;
using LspTriage.Server.Hosting;

StartupTrace.Mark("main");

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CommandLineApp.RunAsync(args, CliIo.FromConsole(), cancel.Token);
