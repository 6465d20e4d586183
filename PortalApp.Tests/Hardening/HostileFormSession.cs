using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PortalApp.AccessLogging;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>One field of a form, as a person uses it: fill it, submit, and where its value is stored when accepted.</summary>
internal sealed record HostileField(
    string Name,
    Func<string, Task> FillAsync,
    Func<Task<string>> SentAsync,
    Func<Task> SubmitAsync,
    Func<Task<string?>> StoredAsync,
    Func<Task>? BeforeAsync = null,
    IReadOnlyList<string>? Values = null,
    ILocator? SubmitButton = null)
{
    /// <summary>A text input: the value is filled in, and what the browser will send is read back from it.</summary>
    public static HostileField Text(string name, ILocator input, Func<Task> submit, Func<Task<string?>> stored, Func<Task>? before = null) =>
        new(name, v => input.FillAsync(v), () => input.InputValueAsync(), submit, stored, before);
}

/// <summary>
/// One browser page on one form, tried with the hostile corpus value after value. For each value: either a clear message
/// is shown and no table changed (the access log aside), or the value was stored exactly as the field held it; the
/// circuit answered the submit (render frames arrived), no dialog box or injected element appeared, no error boundary
/// or reconnect dialog showed.
/// </summary>
internal sealed class HostileFormSession : IAsyncDisposable
{
    private static readonly string[] Excluded = ["AccessLog", "AccessLogAnchors", "NotificationCursors", "__EFMigrationsHistory", "sqlite_sequence"];
    private readonly PortalHost host;
    private long framesReceived;
    private int alerts;

    private HostileFormSession(PortalHost host, IPage page)
    {
        this.host = host;
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref alerts);
            await dialog.DismissAsync();
        };
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, _) => Interlocked.Increment(ref framesReceived);
    }

    public IPage Page { get; }

    /// <summary>Values tried, refused with a message, and stored.</summary>
    public int Tried { get; private set; }
    public int Refused { get; private set; }
    public int Stored { get; private set; }
    public List<string> Messages { get; } = [];

    /// <summary>The message elements of the portal: dialog and page alerts, snackbars, field problems.</summary>
    public string MessageSelector { get; set; } = ".mud-snackbar:not([data-old]), .mud-alert, [data-testid=filter-problem], .mud-input-helper-text.mud-input-error";

    public static async Task<HostileFormSession> OpenAsync(BrowserFixture browser, PortalHost host, string account, string path)
    {
        var page = await browser.NewPageAsync();
        var session = new HostileFormSession(host, page);
        await SignIn.ToAsync(page, host.BaseUrl, account, path);
        return session;
    }

    public async Task TryAsync(HostileField field)
    {
        foreach (var value in field.Values ?? HostileInputs.Text)
        {
            await CloseSnackbarsAsync();
            if (field.BeforeAsync is not null)
            {
                await field.BeforeAsync();
            }
            await field.FillAsync(value);
            var sent = await field.SentAsync();
            var before = await SnapshotAsync();
            var storedBefore = await field.StoredAsync();
            if (field.SubmitButton is not null && await field.SubmitButton.IsDisabledAsync())
            {
                // The form does not let this value be sent at all (a blank required field).
                Tried++;
                Refused++;
                Messages.Add("(submit disabled)");
                Assert.Equal(before, await SnapshotAsync());
                await AssertSafeAsync($"{field.Name} = {Show(value)}");
                continue;
            }
            var frames = Interlocked.Read(ref framesReceived);
            await RecordClicksAsync();
            await field.SubmitAsync();
            await SettleAsync(frames, $"{field.Name} = {Show(value)}");
            var (after, messages) = await AnswerAsync(before);
            Tried++;
            if (before == after)
            {
                Refused++;
                if (messages.Length == 0)
                {
                    Assert.Fail($"{field.Name} = {Show(value)}: nothing changed and no message was shown within {AnswerTimeout.TotalSeconds:0} s. " +
                        $"{await WhatTheSubmitReachedAsync()} Frames {frames} -> {Interlocked.Read(ref framesReceived)}; sent {sent.Length}; " +
                        $"body: {(await Page.InnerTextAsync("main"))[..300]}");
                }
                Messages.Add(messages);
            }
            else
            {
                Stored++;
                var stored = await field.StoredAsync();
                Assert.True(stored != storedBefore || stored == Normalize(sent).Trim(), $"{field.Name} = {Show(value)}: the database changed but not the field");
                Assert.Equal(Normalize(sent).Trim(), stored);
            }
            await AssertSafeAsync($"{field.Name} = {Show(value)}");
        }
    }

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The portal's answer to a submit: a visible message, or a change in the database, whichever comes first (a slow
    /// answer, such as a first template compilation or a PDF, may come well after the circuit's first frames).
    /// </summary>
    private async Task<(string After, string Messages)> AnswerAsync(string before)
    {
        var deadline = DateTime.UtcNow + AnswerTimeout;
        var shown = Page.WaitForFunctionAsync(
            "selector => [...document.querySelectorAll(selector)].some(e => e.getClientRects().length > 0 && e.innerText.trim().length > 0)",
            MessageSelector, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        string after;
        while ((after = await SnapshotAsync()) == before && !shown.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(shown, Task.Delay(250));
        }
        _ = shown.ContinueWith(t => t.Exception, TaskScheduler.Default);
        return (await SnapshotAsync(), await VisibleMessagesAsync());
    }

    /// <summary>Starts recording which clickable element each click of the page lands on (capture phase, before the portal's handlers).</summary>
    private Task RecordClicksAsync() => Page.EvaluateAsync("""
        () => {
            if (!window.__hostileClicks) {
                window.__hostileClicks = [];
                document.addEventListener('click', e => {
                    const target = e.target.closest('button, a, [role=button], input, label');
                    window.__hostileClicks.push(target
                        ? (target.dataset.testid || target.innerText?.trim().slice(0, 40) || target.tagName.toLowerCase())
                        : `no button but ${e.target.tagName.toLowerCase()}.${e.target.className}`);
                }, true);
            }
            window.__hostileClicks.length = 0;
        }
        """);

    /// <summary>Which of the two happened: the submit's click never reached a button (the page moved under the pointer), or the portal got it and said nothing.</summary>
    private async Task<string> WhatTheSubmitReachedAsync()
    {
        var clicks = await Page.EvaluateAsync<string[]>("() => window.__hostileClicks ?? []");
        return clicks.Length == 0 || clicks.All(c => c.StartsWith("no button", StringComparison.Ordinal))
            ? $"The submit's click never reached a button (clicks: {(clicks.Length == 0 ? "none" : string.Join(", ", clicks))}): the page moved between press and release, or the button was covered."
            : $"The click reached {string.Join(", ", clicks)}, and the portal answered neither with a message nor by storing the value.";
    }

    /// <summary>The submit reached the server and its answer was rendered: frames arrived, then a quiet moment.</summary>
    public async Task SettleAsync(long framesBefore, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Interlocked.Read(ref framesReceived) == framesBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: the circuit did not answer");
            await Task.Delay(25);
        }
        var last = Interlocked.Read(ref framesReceived);
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(300) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            var now = Interlocked.Read(ref framesReceived);
            if (now != last)
            {
                (last, quietSince) = (now, DateTime.UtcNow);
            }
        }
    }

    public async Task AssertSafeAsync(string what)
    {
        Assert.True(Volatile.Read(ref alerts) == 0, $"{what}: a script ran (a dialog box opened)");
        var injected = await Page.EvaluateAsync<int>(
            "() => document.querySelectorAll('img[src=\"x\"], img[onerror]').length + [...document.scripts].filter(s => s.text.includes('alert(')).length");
        Assert.True(injected == 0, $"{what}: an injected element is in the page");
        Assert.True(await Page.Locator("[data-testid=page-error]").CountAsync() == 0, $"{what}: the page failed: {await VisibleMessagesAsync()}");
        Assert.False(await Page.EvaluateAsync<bool>("() => !!document.querySelector('#components-reconnect-modal')?.open"), $"{what}: the circuit was lost");
        await Interactive.WaitAsync(Page);
    }

    public async Task<string> VisibleMessagesAsync()
    {
        var texts = new List<string>();
        foreach (var element in await Page.Locator(MessageSelector).AllAsync())
        {
            if (await element.IsVisibleAsync() && (await element.InnerTextAsync()).Trim() is { Length: > 0 } text)
            {
                texts.Add(text);
            }
        }
        return string.Join(" | ", texts);
    }

    /// <summary>
    /// Closes the snackbars shown so far and marks them old, so only a message of the next submit counts. They are not
    /// waited for: their exit animation takes seconds, and a closed one no longer stops the same message showing again.
    /// </summary>
    public async Task CloseSnackbarsAsync()
    {
        // A click event on the button itself: an open dialog's overlay would take a pointer click.
        await Page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar:not([data-old])').forEach(s => { s.setAttribute('data-old', ''); s.querySelector('.mud-snackbar-close-button')?.click(); })");
        // Closing ones still count towards the snackbars shown at once, and their exit timers run on the portal's clock,
        // which the test host fakes. A timer starts only when the close reaches the portal, which on a loaded machine
        // can be after one move of the clock: move it again every half second until they are gone. Up to 15 s: if five
        // were still closing when the next value is submitted, its message would wait behind them unseen (the
        // PostgreSQL run once failed so after 3 s of waiting here).
        for (var wait = 0; wait < 300 && await Page.Locator(".mud-snackbar").CountAsync() > 0; wait++)
        {
            if (wait % 10 == 0)
            {
                host.Time.Advance(TimeSpan.FromSeconds(3));
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A hash of every row of every table but the access log (which rightly records refusals).</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var connection = host.Database.OpenDirect();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = host.Database.Provider == Portal.Data.DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Except(Excluded))
        {
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await rows.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            // Rows are compared as a set: without ORDER BY, PostgreSQL promises no order.
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Concat(Enumerable.Range(0, reader.FieldCount).Select(i =>
                    (reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f")));
            }
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\u001e"));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = host.Database.OpenDirect();
        await using var command = connection.CreateCommand();
        command.CommandText = TestSql.For(host.Database.Provider, sql);
        return (await command.ExecuteScalarAsync()) as string;
    }

    /// <summary>What the browser sends for a string: a lone surrogate cannot travel as UTF-8 and arrives as U+FFFD.</summary>
    private static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    private static string Show(string value) =>
        value.Length > 40 ? $"[{value.Length} chars]" : string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
