using System.Collections.Concurrent;
using Otklik.Folding;

namespace Otklik.Server.Auth;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailuresPerName"/> failed sign-ins for one name, or
/// <see cref="MaxFailuresPerAddress"/> from one client address, within <see cref="Window"/>, further attempts for that
/// name or from that address are refused (429 with Retry-After) until the window of the oldest failure has passed, even
/// with the right password, so a guesser learns nothing. A successful sign-in clears the name's failures. Kept in memory:
/// a restart forgets, which only gives a guesser one more window. Counted on the server's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailuresPerName = 5;
    public const int MaxFailuresPerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounded: past this many tracked keys the oldest are dropped, so a flood of made-up names cannot exhaust memory.
    private const int MaxTrackedKeys = 100_000;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when the attempt may go ahead.</summary>
    public TimeSpan? RetryAfter(string name, string? address)
    {
        var now = time.GetUtcNow();
        var byName = Blocked(NameKey(name), MaxFailuresPerName, now);
        var byAddress = address is null ? null : Blocked(AddressKey(address), MaxFailuresPerAddress, now);
        return byName is null ? byAddress : byAddress is null ? byName : (byName > byAddress ? byName : byAddress);
    }

    public void Failed(string name, string? address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count >= MaxTrackedKeys)
        {
            Prune(now);
        }

        Record(NameKey(name), now);
        if (address is not null)
        {
            Record(AddressKey(address), now);
        }
    }

    public void Succeeded(string name) => _failures.TryRemove(NameKey(name), out _);

    private static string NameKey(string name) => "n:" + RussianText.FoldName(name);

    private static string AddressKey(string address) => "a:" + address;

    private TimeSpan? Blocked(string key, int max, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        lock (failures)
        {
            failures.Expire(now - Window);
            return failures.Times.Count >= max ? failures.Times.Peek() + Window - now : null;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Expire(now - Window);
            failures.Times.Enqueue(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            bool empty;
            lock (failures)
            {
                failures.Expire(now - Window);
                empty = failures.Times.Count == 0;
            }

            if (empty)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public void Expire(DateTimeOffset before)
        {
            while (Times.Count > 0 && Times.Peek() < before)
            {
                Times.Dequeue();
            }
        }
    }
}
