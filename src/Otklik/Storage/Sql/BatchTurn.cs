namespace Otklik.Storage.Sql;

/// <summary>A batch's turn (<see cref="BatchTurns"/>); leaving it twice is harmless.</summary>
internal sealed class BatchTurn(BatchTurns turns, long ticket) : IDisposable
{
    private bool _left;

    /// <summary>Lets the next batch take its ids.</summary>
    public void Leave()
    {
        if (!_left)
        {
            _left = true;
            turns.Leave(ticket);
        }
    }

    public void Dispose() => Leave();
}
