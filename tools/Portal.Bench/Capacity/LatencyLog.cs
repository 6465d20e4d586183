using System.Collections.Concurrent;

namespace Portal.Bench.Capacity;

/// <summary>Timings by name, thread-safe, with the percentiles the report prints.</summary>
public sealed class LatencyLog
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new(StringComparer.Ordinal);

    public void Add(string name, TimeSpan elapsed) => samples.GetOrAdd(name, _ => []).Add(elapsed.TotalMilliseconds);

    public IReadOnlyList<string> Names => samples.Keys.Order(StringComparer.Ordinal).ToList();

    public Summary Of(string name) => Summary.Of(samples.TryGetValue(name, out var bag) ? bag : []);

    public Summary All => Summary.Of(samples.Values.SelectMany(b => b));

    public sealed record Summary(int Count, double P50, double P95, double P99, double Max)
    {
        public static Summary Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0
                ? new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN)
                : new Summary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
        }

        /// <summary>Nearest rank: the smallest value with at least p of the samples at or below it.</summary>
        private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
