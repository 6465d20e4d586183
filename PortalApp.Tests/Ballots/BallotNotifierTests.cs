using Microsoft.Extensions.Logging.Abstractions;
using PortalApp.Live;

namespace PortalApp.Tests.Ballots;

public sealed class BallotNotifierTests
{
    private static readonly BallotChange Change = new(BallotChangeKind.VoteCast, 1, 7);

    [Fact]
    public async Task EverySubscriberHearsAChangeEvenWhenAnotherOneFails()
    {
        var notifier = new BallotNotifier(NullLogger<BallotNotifier>.Instance);
        var heard = new TaskCompletionSource<BallotChange>();
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("a dead circuit"));
        using var live = notifier.Subscribe(c => { heard.TrySetResult(c); return Task.CompletedTask; });

        notifier.Publish(Change);

        Assert.Equal(Change, await heard.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMoreAndDisposingTwiceIsHarmless()
    {
        var notifier = new BallotNotifier(NullLogger<BallotNotifier>.Instance);
        var count = 0;
        var subscription = notifier.Subscribe(_ => { Interlocked.Increment(ref count); return Task.CompletedTask; });
        Assert.Equal(1, notifier.ListenerCount);

        subscription.Dispose();
        subscription.Dispose();
        notifier.Publish(Change);
        await Task.Delay(100);

        Assert.Equal(0, notifier.ListenerCount);
        Assert.Equal(0, count);
    }
}
