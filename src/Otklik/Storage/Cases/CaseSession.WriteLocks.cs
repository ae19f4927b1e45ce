using System.Globalization;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    // Whether this transaction began writing (BeginWritingAsync): on PostgreSQL it then holds WriteLocks.Writing.
    private bool _writing;

    /// <summary>
    /// PostgreSQL: marks this transaction as one that writes cases, messages or case events (<see cref="WriteLocks.Writing"/>,
    /// shared), until it ends. Call first, before any other write (a row lock taken before it could close a wait cycle
    /// with a writer and a watermark reader queued for the lock), and before taking any id. A no-op on SQLite.
    /// </summary>
    public async Task BeginWritingAsync(CancellationToken cancellationToken = default)
    {
        if (IsPostgres && !_writing && _transaction is not null)
        {
            await ExecuteAsync($"SELECT pg_advisory_xact_lock_shared({WriteLocks.Writing})", cancellationToken);
        }

        _writing = true;
    }

    /// <summary>
    /// PostgreSQL: refuses to insert cases or case events in a transaction that did not call <see cref="BeginWritingAsync"/>:
    /// an event id committed after a rollup read a higher one as its watermark would never be counted.
    /// </summary>
    private void RequireWriting()
    {
        if (IsPostgres && (!_writing || _transaction is null))
        {
            throw new InvalidOperationException("Cases and case events are written only in a transaction that began with BeginWritingAsync.");
        }
    }

    /// <summary>
    /// PostgreSQL: marks the point a write can be undone to (<see cref="UndoWritesAsync"/>) without giving up the
    /// transaction's reads. A no-op on SQLite, which never needs to undo.
    /// </summary>
    public async Task MarkWritesAsync(CancellationToken cancellationToken = default)
    {
        if (IsPostgres && _transaction is not null)
        {
            await _transaction.SaveAsync(WritesSavepoint, cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: undoes everything written since <see cref="MarkWritesAsync"/>, and releases the locks taken since
    /// (<see cref="LockCandidateKeysAsync"/>: take them again). Ids taken from sequences stay taken.
    /// </summary>
    public async Task UndoWritesAsync(CancellationToken cancellationToken = default)
    {
        if (IsPostgres && _transaction is not null)
        {
            await _transaction.RollbackAsync(WritesSavepoint, cancellationToken);
        }
    }

    private const string WritesSavepoint = "writes";

    /// <summary>
    /// PostgreSQL: locks the stripes of <paramref name="keys"/> until the transaction ends, in ascending order (so two
    /// transactions never wait for each other in a circle). A transaction that opens cases of a key holds its stripe from
    /// before it reads the key's candidates for the last time until it commits: the next one to read them sees its cases.
    /// A no-op on SQLite, whose write lock already serializes writers.
    /// </summary>
    public async Task LockCandidateKeysAsync(IEnumerable<CandidateKey> keys, CancellationToken cancellationToken = default)
    {
        if (!IsPostgres)
        {
            return;
        }

        var stripes = keys.Select(WriteLocks.Stripe).Distinct().Order().ToArray();
        if (stripes.Length == 0)
        {
            return;
        }

        // unnest yields the array's order, and the locks are taken row by row in it.
        await using var command = ArrayCommand(
            $"SELECT pg_advisory_xact_lock({WriteLocks.StripeClass}, s) FROM unnest(@s::int[]) s", ("s", stripes));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The highest ids of <paramref name="tables"/>, each with every lower id committed or never to be: on PostgreSQL read
    /// while no transaction that writes cases or messages is running (<see cref="WriteLocks.Writing"/> taken exclusively for
    /// the moment of the read). Several writers take ids from a sequence and commit in any order, so a plain max(id) may
    /// be above an id still uncommitted, and a watermark saved from it would skip that row for ever.
    /// </summary>
    internal async Task<long[]> CommittedMaxIdsAsync(string[] tables, CancellationToken cancellationToken)
    {
        var sql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COALESCE(MAX(id), 0) FROM {t})"));
        Func<System.Data.Common.DbDataReader, long[]> read =
            r => Enumerable.Range(0, tables.Length).Select(i => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
        if (!IsPostgres)
        {
            return (await QueryAsync(sql, read, cancellationToken))[0];
        }

        // A session lock, released at once: held to the end of the caller's transaction it would stop ingest meanwhile.
        await ExecuteAsync($"SELECT pg_advisory_lock({WriteLocks.Writing})", cancellationToken);
        try
        {
            return (await QueryAsync(sql, read, cancellationToken))[0];
        }
        finally
        {
            await ExecuteAsync($"SELECT pg_advisory_unlock({WriteLocks.Writing})", CancellationToken.None);
        }
    }
}
