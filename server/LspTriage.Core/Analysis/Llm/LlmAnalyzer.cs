using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Prompts;
using LspTriage.Core.Analysis.Redaction;
using OpenAI;
using OpenAI.Chat;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// Analysis by any OpenAI-compatible chat-completions endpoint through the official SDK. The context is redacted,
/// the offline facts go into a versioned prompt, the JSON answer is validated (one repair round), and the run record
/// carries tokens, cost and what was redacted. The API key never appears in a message, log or exception we raise.
/// </summary>
public sealed class LlmAnalyzer : IIncidentAnalyzer
{
    public const string ProviderName = "openai";
    private const int ExpectedAnswerChars = 6000;

    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;

    public LlmAnalyzer(Func<string, string?>? environment = null, TimeProvider? time = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IncidentAnalysis> AnalyzeAsync(IncidentContext context, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (string.IsNullOrWhiteSpace(context.RawContext))
        {
            throw new AnalysisException("The raw incident context is empty: paste logs, metrics and notes under '## Raw incident context'.", AnalysisFailure.NoRawContext);
        }
        var endpoint = LlmEndpoint.Resolve(options, _environment);
        var template = PromptLibrary.Get(options.PromptVersion, options.Language);

        var redacted = Redactor.Redact(context.RawContext);
        var title = Redactor.Redact(context.Title ?? "");
        var redactions = MergeCounts(redacted, title);
        var facts = FactExtractor.Extract(redacted.Text, title.Text, context.Service);
        var ranked = new OfflineAnalyzer().Rank(facts, options.Language);
        var (system, user) = template.Render(new Dictionary<string, string>
        {
            ["schema"] = PromptLibrary.AnswerSchema,
            ["title"] = title.Text.Length > 0 ? title.Text : "(untitled)",
            ["service"] = context.Service ?? facts.Service ?? "(unknown)",
            ["facts"] = PromptFacts.Format(facts, ranked),
            ["context"] = PromptFacts.Context(facts).Replace("CONTEXT>>>", "CONTEXT >>>", StringComparison.Ordinal),
        });

        var retries = new AttemptReportingRetryPolicy(Math.Max(0, options.MaxRetries), (attempt, of) =>
            progress?.Report(new AnalysisProgress($"{UrlCredentials.Authority(endpoint.BaseUrl)} did not answer; attempt {attempt} of {of}", 5)));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            NetworkTimeout = options.Timeout,
            RetryPolicy = retries,
            UserAgentApplicationId = "lsptriage",
        };
        var client = new ChatClient(endpoint.Model, new ApiKeyCredential(endpoint.ApiKey ?? "none"), clientOptions);
        var messages = new List<ChatMessage> { new SystemChatMessage(system), new UserChatMessage(user) };
        var completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
            Temperature = 0.2f,
        };

        // The timeout bounds the whole analysis, retries and repair round included: a silent endpoint costs the user
        // timeoutSeconds, not (retries + 1) times it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var inputTokens = 0;
        var outputTokens = 0;
        IReadOnlyList<string> lastErrors = [];
        var lastFailure = AnalysisFailure.InvalidOutput;
        const int maxAttempts = 2;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            progress?.Report(new AnalysisProgress(attempt == 1 ? $"Asking {endpoint.Model} at {endpoint.BaseUrl.Host}" : $"Asking {endpoint.Model} to repair its answer", attempt == 1 ? 5 : 50));
            Completion answer;
            try
            {
                answer = options.Stream
                    ? await StreamAsync(client, messages, completionOptions, progress, attempt, deadline.Token).ConfigureAwait(false)
                    : await CompleteAsync(client, messages, completionOptions, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (Translate(e is OperationCanceledException && retries.LastTransportError is { } refused ? refused : e, endpoint, options, cancellationToken) is { } translated)
            {
                throw translated;
            }
            inputTokens += answer.InputTokens;
            outputTokens += answer.OutputTokens;

            if (!answer.Finished)
            {
                lastFailure = AnalysisFailure.TruncatedOutput;
                lastErrors = ["the answer stream ended before the model finished"];
                continue;
            }
            var parsed = AnswerParser.Parse(answer.Text, redacted.Text);
            if (parsed.Analysis is { } analysis)
            {
                progress?.Report(new AnalysisProgress("Answer validated", 100));
                var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
                return analysis with
                {
                    Run = new RunInfo(ProviderName, endpoint.Model, template.Version, template.Language, elapsed, inputTokens, outputTokens,
                        options.Prices.CostOf(endpoint.Model, inputTokens, outputTokens), redactions)
                    { Attempts = attempt },
                };
            }
            lastFailure = AnalysisFailure.InvalidOutput;
            lastErrors = parsed.Errors;
            messages.Add(new AssistantChatMessage(answer.Text.Length > 0 ? answer.Text : "(empty)"));
            messages.Add(new UserChatMessage(
                "Your answer does not validate against the schema:\n- " + string.Join("\n- ", parsed.Errors.Take(20)) +
                "\nReply again with the complete corrected JSON object only."));
        }
        throw lastFailure == AnalysisFailure.TruncatedOutput
            ? new AnalysisException($"{endpoint.Model} stopped answering mid-stream twice; no analysis was written.", AnalysisFailure.TruncatedOutput)
            : new AnalysisException(
                $"{endpoint.Model} returned an invalid analysis twice (after one repair round); no analysis was written. First problems: {string.Join("; ", lastErrors.Take(3))}",
                AnalysisFailure.InvalidOutput);
    }

    private sealed record Completion(string Text, bool Finished, int InputTokens, int OutputTokens);

    private static async Task<Completion> CompleteAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options, CancellationToken ct)
    {
        ChatCompletion completion = await client.CompleteChatAsync(messages, options, ct).ConfigureAwait(false);
        var text = string.Concat(completion.Content.Select(p => p.Text));
        var finished = completion.FinishReason is ChatFinishReason.Stop;
        return new Completion(text, finished, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0);
    }

    private static async Task<Completion> StreamAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options, IProgress<AnalysisProgress>? progress, int attempt, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var finished = false;
        int input = 0, output = 0;
        var lastReported = 0;
        try
        {
            await foreach (var update in client.CompleteChatStreamingAsync(messages, options, ct).ConfigureAwait(false))
            {
                foreach (var part in update.ContentUpdate)
                {
                    sb.Append(part.Text);
                }
                if (update.FinishReason is ChatFinishReason.Stop)
                {
                    finished = true;
                }
                else if (update.FinishReason is not null)
                {
                    finished = false;
                }
                if (update.Usage is { } usage)
                {
                    input = usage.InputTokenCount;
                    output = usage.OutputTokenCount;
                }
                if (progress is not null && sb.Length - lastReported >= 200)
                {
                    lastReported = sb.Length;
                    var start = attempt == 1 ? 10 : 55;
                    var percent = start + (int)Math.Min(40, 40.0 * sb.Length / ExpectedAnswerChars);
                    progress.Report(new AnalysisProgress($"Receiving answer ({sb.Length} characters)", percent));
                }
            }
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException || (e is HttpRequestException && sb.Length > 0))
        {
            // The server closed the stream mid-answer: treat as a truncated answer, not a transport failure.
            finished = false;
        }
        return new Completion(sb.ToString(), finished, input, output);
    }

    private static AnalysisException? Translate(Exception e, LlmEndpoint endpoint, AnalysisOptions options, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return null;
        }
        if (e is AggregateException { InnerExceptions.Count: > 0 } retried)
        {
            // ClientRetryPolicy gives up with every attempt's exception; the last one says what finally happened.
            return Translate(retried.InnerExceptions[^1], endpoint, options, ct) is { } inner
                ? new AnalysisException(inner.Message, inner.Failure, e)
                : null;
        }
        var where = UrlCredentials.Authority(endpoint.BaseUrl);
        return e switch
        {
            ClientResultException { Status: 401 or 403 } c => new AnalysisException($"{where} rejected the API key (HTTP {c.Status}). Check LSPTRIAGE_LLM_API_KEY.", AnalysisFailure.HttpError, e),
            ClientResultException { Status: 404 } => new AnalysisException($"{where} has no chat-completions endpoint or model '{endpoint.Model}' (HTTP 404). Check the base URL (e.g. include /v1) and the model name.", AnalysisFailure.HttpError, e),
            ClientResultException { Status: 429 } => new AnalysisException($"{where} kept rate-limiting the request (HTTP 429) after {options.MaxRetries} retries.", AnalysisFailure.HttpError, e),
            ClientResultException { Status: >= 500 } c => new AnalysisException($"{where} failed with HTTP {c.Status} after {options.MaxRetries} retries.", AnalysisFailure.HttpError, e),
            ClientResultException { Status: 0 } when e.InnerException is HttpRequestException or SocketException => new AnalysisException($"Cannot reach {where}: {e.InnerException!.Message} Check the base URL and your network.", AnalysisFailure.EndpointUnreachable, e),
            ClientResultException c => new AnalysisException($"{where} answered HTTP {c.Status}.", AnalysisFailure.HttpError, e),
            HttpRequestException or SocketException => new AnalysisException($"Cannot reach {where}: {e.Message} Check the base URL and your network.", AnalysisFailure.EndpointUnreachable, e),
            OperationCanceledException or TimeoutException => new AnalysisException($"{where} did not answer within {options.Timeout.TotalSeconds:0.#} s (lspTriage.analysis.timeoutSeconds, retries included); no analysis was written.", AnalysisFailure.Timeout, e),
            _ => null,
        };
    }

    private static IReadOnlyList<string> MergeCounts(params RedactionResult[] results)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            foreach (var (k, v) in r.Counts)
            {
                counts[k] = counts.GetValueOrDefault(k) + v;
            }
        }
        return new RedactionResult("", counts).Summary;
    }
}
