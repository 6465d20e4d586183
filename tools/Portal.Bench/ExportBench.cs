using System.Diagnostics;
using System.Globalization;
using PortalApp.Records;

namespace Portal.Bench;

/// <summary>
/// Times the records export as the endpoint sends it (admission, the id query, the access-log write, then the rows
/// read and written 500 at a time): the first byte, the whole file, and how much more live managed heap there is while it is written.
/// </summary>
public static class ExportBench
{
    private const int Runs = 20;

    public static async Task<string> RunAsync(RecordSearchService records, CancellationToken ct = default)
    {
        var firstByte = new List<double>();
        var whole = new List<double>();
        long growth = 0;
        var rows = 0;
        // Two warm-up runs, the timed runs, then three runs that collect garbage at each write to see what the export holds.
        for (var i = 0; i < 2 + Runs + 3; i++)
        {
            var measuresMemory = i >= 2 + Runs;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var export = await records.ExportAsync(new RecordQuery(), ct);
            var sink = new TimingSink(clock, measuresMemory);
            await export.Csv!.WriteToAsync(sink, ct);
            rows = export.Rows;
            if (measuresMemory)
            {
                growth = Math.Max(growth, sink.PeakHeap - before);
            }
            else if (i >= 2)
            {
                firstByte.Add(sink.FirstByteMs);
                whole.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        var line = string.Create(CultureInfo.InvariantCulture,
            $"export-rows={rows} export-first-byte-p95-ms={RecordsBench.Percentile(firstByte.Order().ToList(), 0.95):F1} export-whole-p95-ms={RecordsBench.Percentile(whole.Order().ToList(), 0.95):F0} export-live-heap-growth-mb={growth / 1048576.0:F1}");
        Console.WriteLine(line.Replace(' ', '\n'));
        return line;
    }

    /// <summary>Discards what is written, noting when the first byte came and (when asked) the live heap at each write.</summary>
    private sealed class TimingSink(Stopwatch clock, bool measuresMemory) : Stream
    {
        public double FirstByteMs { get; private set; } = double.NaN;
        public long PeakHeap { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Note();
        public override void Write(ReadOnlySpan<byte> buffer) => Note();
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) { Note(); return Task.CompletedTask; }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) { Note(); return ValueTask.CompletedTask; }

        private void Note()
        {
            if (double.IsNaN(FirstByteMs)) FirstByteMs = clock.Elapsed.TotalMilliseconds;
            if (measuresMemory)
            {
                PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set { } }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
