namespace Otklik.Storage.Sqlite;

/// <summary>
/// Runs a piece of upkeep off the caller's path: <see cref="Request"/> returns at once, at most one pass runs at a time,
/// and requests made while it runs fold into one more pass after it (so no request is missed and none piles up).
/// </summary>
internal sealed class BackgroundPass(Func<Task> pass)
{
    // 0: idle; 1: running; 2: running, and another pass was asked for meanwhile.
    private int _state;

    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                if (state == 0)
                {
                    _ = Task.Run(RunAsync);
                }

                return;
            }
        }
    }

    private async Task RunAsync()
    {
        do
        {
            Volatile.Write(ref _state, 1);
            await pass();
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }
}
