using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Bench.Capacity;

/// <summary>
/// A headless browser tab on a Blazor Server page, speaking the circuit protocol as blazor.web.js does: load the
/// page signed in, connect to <c>/_blazor</c> (blazorpack), <c>StartCircuit</c>, add the page's root components
/// with <c>UpdateRootComponents</c>, acknowledge every render batch with <c>OnRenderCompleted</c>, answer the
/// server's JavaScript calls with <c>EndInvokeJSFromDotNet</c>, and dispatch UI events through the renderer's
/// <c>DispatchEventAsync</c> as a click or a keystroke in a browser does.
/// </summary>
public sealed class CircuitClient : IAsyncDisposable
{
    /// <summary>MainLayout renders this marker only once the circuit is interactive.</summary>
    public const string ReadyMarker = "circuit-ready";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly HubConnection connection;
    private readonly Session session;
    private readonly Uri pageUri;
    private readonly List<RenderWaiter> waiters = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> pendingDispatches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> errors = new();
    private long nextCallId;
    private long rendererObjectId;
    private bool closing;

    private CircuitClient(Session session, Uri pageUri)
    {
        this.session = session;
        this.pageUri = pageUri;
        var hubUri = new Uri(pageUri, "/_blazor");
        var builder = new HubConnectionBuilder()
            .WithUrl(hubUri, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = session.CookieHeader;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJS);
        connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        connection.On<string>("JS.Error", message => Fail($"server reported: {message}"));
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.Closed += ex =>
        {
            if (!closing)
            {
                Fail($"connection closed: {ex?.Message ?? "by the server"}");
            }
            return Task.CompletedTask;
        };
    }

    public string? CircuitId { get; private set; }
    public EventHandlerIndex Handlers { get; } = new();
    public int BatchesReceived => batchesReceived;
    public long BytesReceived => Interlocked.Read(ref bytesReceived);
    public IReadOnlyCollection<string> Errors => errors;
    public string Path => pageUri.PathAndQuery;

    private int batchesReceived;
    private long bytesReceived;

    /// <summary>Loads <paramref name="path"/> as <paramref name="session"/>, starts its circuit and waits until it is interactive.</summary>
    public static async Task<CircuitClient> OpenAsync(Session session, string path, CancellationToken ct = default)
    {
        var pageUri = new Uri(session.Http.BaseAddress!, path);
        using var response = await session.Http.GetAsync(pageUri, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new CircuitException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        var page = BlazorPage.Parse(await response.Content.ReadAsStringAsync(ct));
        if (page.Markers.Count == 0)
        {
            throw new CircuitException($"GET {path} carried no interactive server component.");
        }
        var client = new CircuitClient(session, pageUri);
        try
        {
            await client.StartAsync(page, ct);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(BlazorPage page, CancellationToken ct)
    {
        var ready = WaitForBatch(b => b.Carries(ReadyMarker));
        await connection.StartAsync(ct);
        var baseUri = new Uri(pageUri, "/").ToString();
        CircuitId = await connection.InvokeAsync<string?>("StartCircuit", baseUri, pageUri.ToString(), "[]", "", ct);
        if (CircuitId is null)
        {
            throw new CircuitException("StartCircuit was refused.");
        }
        await connection.SendAsync("UpdateRootComponents", page.AddOperationsJson(batchId: 1), page.ApplicationState, ct);
        await AwaitAsync(ready, "the circuit to become interactive", DefaultTimeout);
    }

    /// <summary>Clicks the element so named (see <see cref="EventHandlerIndex"/>); returns the time until the next render batch.</summary>
    public Task<TimeSpan> ClickAsync(string element, int nth = 0, Func<RenderBatchView, bool>? renders = null) =>
        DispatchAsync(element, "click", nth, MouseClick, renders);

    /// <summary>Types <paramref name="value"/> into the field so named (its change or input handler).</summary>
    public Task<TimeSpan> ChangeAsync(string element, string value, string eventName = "change", Func<RenderBatchView, bool>? renders = null) =>
        DispatchAsync(element, eventName, 0, new JsonObject { ["value"] = value }, renders);

    /// <summary>Sends an event without waiting for a render (a blur, or a keystroke whose render does not matter).</summary>
    public async Task SendAsync(string element, string eventName, JsonObject eventArgs)
    {
        var handlerId = Handlers.Find(element, eventName) ?? throw Fail($"no '{element}' with a {eventName} handler on {Path}");
        await SendEventAsync(handlerId, eventName, eventArgs);
    }

    /// <summary>Follows a link inside the app: the router renders the new page in the same circuit.</summary>
    public async Task<TimeSpan> NavigateAsync(string path, Func<RenderBatchView, bool>? renders = null)
    {
        var waiter = WaitForBatch(renders);
        await connection.SendAsync("OnLocationChanged", new Uri(pageUri, path).ToString(), null, true);
        return await AwaitAsync(waiter, $"navigation to {path}", DefaultTimeout);
    }

    /// <summary>A render batch that satisfies <paramref name="renders"/> (any, when null), with the time it arrived.</summary>
    public Task<long> NextBatchAsync(Func<RenderBatchView, bool>? renders = null) => WaitForBatch(renders).Completion.Task;

    /// <summary>Whether the element so named currently has a handler for <paramref name="eventName"/>.</summary>
    public bool Has(string element, string eventName = "click") => Handlers.Find(element, eventName) is not null;

    /// <summary>Waits until the element so named has a handler (data often renders after the first batch).</summary>
    public async Task WaitForAsync(string element, string eventName = "click", TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultTimeout).TotalSeconds * Stopwatch.Frequency);
        while (!Has(element, eventName))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw Fail($"no '{element}' with a {eventName} handler on {Path}; there are: {Handlers.Describe()}");
            }
            await Task.Delay(20);
        }
    }

    private async Task<TimeSpan> DispatchAsync(string element, string eventName, int nth, JsonObject eventArgs, Func<RenderBatchView, bool>? renders)
    {
        var handlerId = Handlers.Find(element, eventName, nth) ?? throw Fail($"no '{element}' with a {eventName} handler on {Path}");
        var waiter = WaitForBatch(renders);
        await SendEventAsync(handlerId, eventName, eventArgs);
        return await AwaitAsync(waiter, $"{eventName} on '{element}'", DefaultTimeout);
    }

    private async Task SendEventAsync(ulong handlerId, string eventName, JsonObject eventArgs)
    {
        if (Interlocked.Read(ref rendererObjectId) == 0)
        {
            throw Fail("the renderer's interop object was never attached");
        }
        var callId = Interlocked.Increment(ref nextCallId).ToString(CultureInfo.InvariantCulture);
        var descriptor = new JsonObject { ["eventHandlerId"] = handlerId, ["eventName"] = eventName, ["eventFieldInfo"] = null };
        var args = new JsonArray(descriptor, eventArgs.DeepClone()).ToJsonString();
        var dispatched = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingDispatches[callId] = dispatched;
        await connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", rendererObjectId, args);
    }

    private RenderWaiter WaitForBatch(Func<RenderBatchView, bool>? renders)
    {
        var waiter = new RenderWaiter(renders, Stopwatch.GetTimestamp());
        lock (waiters)
        {
            waiters.Add(waiter);
        }
        return waiter;
    }

    private async Task<TimeSpan> AwaitAsync(RenderWaiter waiter, string what, TimeSpan timeout)
    {
        try
        {
            var arrived = await waiter.Completion.Task.WaitAsync(timeout);
            return Stopwatch.GetElapsedTime(waiter.Since, arrived);
        }
        catch (TimeoutException)
        {
            lock (waiters)
            {
                waiters.Remove(waiter);
            }
            throw Fail($"no render batch within {timeout.TotalSeconds:0} s after {what}");
        }
    }

    private async Task OnRenderBatch(long batchId, byte[] data)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref batchesReceived);
        Interlocked.Add(ref bytesReceived, data.Length);
        string? error = null;
        try
        {
            var batch = new RenderBatchView(data);
            Handlers.Apply(batch);
            lock (waiters)
            {
                foreach (var waiter in waiters.Where(w => w.Renders?.Invoke(batch) ?? true).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Completion.TrySetResult(arrived);
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            error = $"unreadable render batch {batchId}: {ex.Message}";
            Fail(error);
        }
        await connection.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJS(object?[] args)
    {
        var asyncHandle = (long)args[0]!;
        var identifier = (string)args[1]!;
        var argsJson = args[2] as string;
        var resultType = (int)args[3]!;
        if (identifier == JsInteropAnswers.AttachRendererInterop && argsJson is not null)
        {
            var objectId = JsonNode.Parse(argsJson)?[1]?["__dotNetObject"]?.GetValue<long>() ?? 0;
            Interlocked.Exchange(ref rendererObjectId, objectId);
        }
        if (asyncHandle != 0)
        {
            var result = JsInteropAnswers.For(identifier, resultType);
            await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
        }
    }

    private void OnEndInvokeDotNet(string callId, bool success, string resultOrError)
    {
        if (pendingDispatches.TryRemove(callId, out var dispatched))
        {
            dispatched.TrySetResult(success);
        }
        if (!success)
        {
            Fail($"event dispatch {callId} failed: {resultOrError}");
        }
    }

    private CircuitException Fail(string message)
    {
        errors.Enqueue(message);
        return new CircuitException(message);
    }

    /// <summary>Closes the tab. With <paramref name="sayGoodbye"/>, posts the disconnect beacon as a closing browser does, so the server disposes the circuit at once instead of retaining it.</summary>
    public async Task CloseAsync(bool sayGoodbye)
    {
        closing = true;
        if (sayGoodbye && CircuitId is not null)
        {
            try
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = CircuitId });
                using var _ = await session.Http.PostAsync(new Uri(pageUri, "/_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // A lost beacon leaves the circuit to the retention period, as in a browser.
            }
        }
        await connection.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        await connection.DisposeAsync();
    }

    private static JsonObject MouseClick => new()
    {
        ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0, ["offsetX"] = 0, ["offsetY"] = 0,
        ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0, ["button"] = 0, ["buttons"] = 0,
        ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click",
    };

    private sealed record RenderWaiter(Func<RenderBatchView, bool>? Renders, long Since)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed class CircuitException(string message) : Exception(message);
