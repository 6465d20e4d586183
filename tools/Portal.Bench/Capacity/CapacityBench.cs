namespace Portal.Bench.Capacity;

/// <summary>
/// <c>capacity --circuits N</c> (and <c>bench --circuits N</c>): how many officials one server holds. Starts the
/// portal (or targets <c>--url</c>), opens N real circuits with scripted users, and prints memory per circuit,
/// action-to-render percentiles, vote fan-out, circuit errors and CPU, ending with one <c>capacity:</c> line.
/// Exit code 0 when no circuit failed.
/// </summary>
public static class CapacityBench
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        CapacityOptions options;
        try
        {
            options = CapacityOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{CapacityOptions.Usage}");
            return 2;
        }
        // Thousands of connections' continuations must not wait for the thread pool to grow one thread at a time.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        await using var portal = options.Url is { } url
            ? await PortalUnderTest.AttachAsync(url)
            : await PortalUnderTest.StartAsync(options);
        if (options.Describe is { } path)
        {
            using var sessions = new PortalSessions(portal.BaseUri, options.Password);
            await using var client = await CircuitClient.OpenAsync(await sessions.ForAsync(options.DescribeAs), path);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Console.WriteLine(client.Handlers.Describe().Replace("; ", "\n", StringComparison.Ordinal));
            await client.CloseAsync(sayGoodbye: true);
            return 0;
        }
        var report = await new CapacityRun(options, portal, Console.Out).RunAsync();
        Console.WriteLine();
        Console.WriteLine(report.Render());
        return report.CircuitErrors == 0 ? 0 : 1;
    }
}
