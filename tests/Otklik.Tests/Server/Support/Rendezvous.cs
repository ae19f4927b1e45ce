namespace Otklik.Tests.Server.Support;

/// <summary>
/// Holds the first <c>parties</c> callers of <see cref="ArriveAsync"/> until all of them have arrived (at most 10 s),
/// then lets everyone through: two writing transactions made to be in flight at the same point at once.
/// </summary>
public sealed class Rendezvous(int parties)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;
    private volatile bool _timedOut;

    /// <summary>How many callers have arrived so far.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>Whether all the parties were held at once (none gave up waiting for the others).</summary>
    public bool Met => _all.Task.IsCompletedSuccessfully && !_timedOut;

    public async Task ArriveAsync()
    {
        var n = Interlocked.Increment(ref _arrived);
        if (n == parties)
        {
            _all.TrySetResult();
        }
        else if (n < parties)
        {
            try
            {
                await _all.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // The test then fails on Met; the writer must not hang meanwhile.
                _timedOut = true;
            }
        }
    }
}
