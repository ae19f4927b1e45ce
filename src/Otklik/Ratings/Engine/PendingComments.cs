namespace Otklik.Ratings.Engine;

/// <summary>
/// Residents' comments waiting for the account's reply. A comment unanswered for longer than the window is dropped
/// (it stays counted as unanswered), which bounds memory by the comments of one window, not of the whole stream.
/// </summary>
internal sealed class PendingComments(TimeSpan window)
{
    private readonly Dictionary<string, (int Period, DateTimeOffset At)> _open = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _byTime = new();

    public void Add(string account, string id, int period, DateTimeOffset at)
    {
        var key = Key(account, id);
        _open[key] = (period, at);
        _byTime.Enqueue((key, at));
    }

    public (int Period, DateTimeOffset At)? Take(string account, string id) =>
        _open.Remove(Key(account, id), out var comment) ? comment : null;

    public void Expire(DateTimeOffset now)
    {
        while (_byTime.TryPeek(out var oldest) && oldest.At < now - window)
        {
            _byTime.Dequeue();
            if (_open.TryGetValue(oldest.Key, out var comment) && comment.At == oldest.At)
            {
                _open.Remove(oldest.Key);
            }
        }
    }

    private static string Key(string account, string id) => account + "\u0001" + id;
}
