using System.Data.Common;
using Otklik.Folding;
using Otklik.Model;

namespace Otklik.Storage.Sql;

internal abstract partial class SqlStore
{
    /// <summary>Attempts of one batch when it collides with a concurrent writer (see <see cref="IsWriteConflict"/>).</summary>
    private const int ImportAttempts = 5;

    public async Task<ImportBatchOutcome> ImportBatchAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportBatchOnceAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (attempt < ImportAttempts && IsWriteConflict(e))
            {
                // Rolled back whole: the next attempt finds the keys the other writer committed and skips them.
            }
        }
    }

    /// <summary>
    /// True when a batch failed only because a concurrent writer stored one of its keys first, or the two deadlocked
    /// (PostgreSQL, where a bulk load writes batches in parallel); the batch is then run again.
    /// </summary>
    protected virtual bool IsWriteConflict(DbException exception) => false;

    /// <summary>
    /// Marks an import transaction as one that writes cases and case events, before its first write: PostgreSQL holds
    /// <see cref="Cases.WriteLocks.Writing"/> shared to the commit, as the server's writers do, so an analytics rollup
    /// never saves a watermark above an imported id not yet committed. SQLite's one writer needs nothing.
    /// </summary>
    protected virtual Task BeginWritingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Before a transaction adds bodies: PostgreSQL takes <see cref="Cases.WriteLocks.Bodies"/> to its commit, as the
    /// server's writers do, so two transactions never add new bodies at once (each could hold a body the other adds,
    /// in any order). SQLite's one writer needs nothing.
    /// </summary>
    protected virtual Task LockBodiesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ImportBatchOutcome> ImportBatchOnceAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Before the bodies: a batch waiting for its turn must hold no lock an earlier batch could wait for.
        using var turn = BulkLoading && batch.Sequence >= 0
            ? await _batchTurns.EnterAsync(batch.Sequence, cancellationToken).ConfigureAwait(false)
            : null;
        // In the batch's turn (the batch holding it never waits for a later one) and before any row is written.
        await BeginWritingAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var resolved = turn is not null && BulkWriters > 1 && !AllBodiesKnown(batch.Messages)
            ? await RegisterBodiesAsync(batch.Messages, cancellationToken).ConfigureAwait(false)
            : await ResolveBodiesAsync(connection, transaction, batch.Messages, cancellationToken).ConfigureAwait(false);
        var outcome = batch.Messages.Count == 0
            ? default
            : await InsertMessagesAsync(connection, transaction, batch, resolved, turn, cancellationToken).ConfigureAwait(false);
        turn?.Leave();
        await InsertQuarantineAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Only committed ids go into the cache: a rolled-back batch must not leave ids of bodies that do not exist.
        lock (_bodyIdsLock)
        {
            foreach (var pair in resolved)
            {
                _bodyIds[pair.Key] = pair.Value;
            }
        }

        return outcome;
    }

    /// <summary>
    /// Inserts the batch's new messages, a case for each and its "created" event, skipping stored (channel, external id).
    /// <paramref name="bodyIds"/> maps folded body names of the batch to ids. <paramref name="turn"/>, when there is
    /// one, is left as soon as the batch's ids are taken, so the next batch written in parallel may take its own.
    /// </summary>
    protected abstract Task<ImportBatchOutcome> InsertMessagesAsync(
        DbConnection connection,
        DbTransaction transaction,
        ImportBatch batch,
        IReadOnlyDictionary<string, long> bodyIds,
        BatchTurn? turn,
        CancellationToken cancellationToken);

    /// <summary>The body id for a message's labels, or null.</summary>
    /// <remarks>Keyed by the name as written: folding is paid once per distinct name, not once per message.</remarks>
    protected static long? BodyIdOf(IncomingMessage message, IReadOnlyDictionary<string, long> bodyIds) =>
        message.Labels?.BodyName is { } name && bodyIds.TryGetValue(name, out var id) ? id : null;

    /// <summary>
    /// <see cref="ResolveBodiesAsync"/> in a transaction of its own, committed before the batch's (bulk loads with
    /// parallel writers, in the batch's turn): the next batch then finds the new bodies in the cache instead of trying
    /// to insert them again while this batch is uncommitted, which on PostgreSQL burns a sequence value per attempt and
    /// would number the bodies differently from one writer. A body whose batch then fails stays registered, as a
    /// registry import would leave it.
    /// </summary>
    private async Task<Dictionary<string, long>> RegisterBodiesAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var resolved = await ResolveBodiesAsync(connection, transaction, messages, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        lock (_bodyIdsLock)
        {
            foreach (var pair in resolved)
            {
                _bodyIds[pair.Key] = pair.Value;
            }
        }

        return resolved;
    }

    private bool AllBodiesKnown(IReadOnlyList<IncomingMessage> messages)
    {
        lock (_bodyIdsLock)
        {
            return messages.All(m => m.Labels?.BodyName is not { } name || _bodyIds.ContainsKey(name));
        }
    }

    private async Task<Dictionary<string, long>> ResolveBodiesAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<IncomingMessage> messages,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, long>(StringComparer.Ordinal);
        HashSet<string>? missing = null;
        lock (_bodyIdsLock)
        {
            foreach (var message in messages)
            {
                if (message.Labels?.BodyName is not { } name || resolved.ContainsKey(name))
                {
                    continue;
                }

                if (_bodyIds.TryGetValue(name, out var id))
                {
                    resolved[name] = id;
                }
                else
                {
                    (missing ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                }
            }
        }

        if (missing is not null)
        {
            await LockBodiesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        // In the messages' order: a body gets the same id whatever the batches' size.
        foreach (var name in missing ?? [])
        {
            var folded = RussianText.FoldName(name);
            if (folded.Length > 0)
            {
                resolved[name] = await EnsureBodyAsync(connection, transaction, folded, name.Trim(), cancellationToken).ConfigureAwait(false);
            }
        }

        return resolved;
    }

    private async Task<long> EnsureBodyAsync(
        DbConnection connection, DbTransaction transaction, string folded, string name, CancellationToken cancellationToken)
    {
        // A body named only by a message: the registry learns its name; level and territory come from a registry import.
        await using (var insert = connection.Command(
            "INSERT INTO bodies (name, folded_name, level) VALUES (@name, @folded, @level) ON CONFLICT (folded_name) DO NOTHING",
            transaction))
        {
            insert.Add("@name", name);
            insert.Add("@folded", folded);
            insert.Add("@level", DbEnum<BodyLevel>.ToDb(BodyLevels.Guess(name)));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = connection.Command("SELECT id FROM bodies WHERE folded_name = @folded", transaction);
        select.Add("@folded", folded);
        return (long)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task InsertQuarantineAsync(
        DbConnection connection, DbTransaction transaction, ImportBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Rejected.Count == 0)
        {
            return;
        }

        await using var insert = connection.Command(
            """
            INSERT INTO quarantine (at, source, line, reason, excerpt) VALUES (@at, @source, @line, @reason, @excerpt)
            ON CONFLICT (source, line) DO NOTHING
            """,
            transaction);
        var at = insert.Add("@at", null);
        var source = insert.Add("@source", null);
        var line = insert.Add("@line", null);
        var reason = insert.Add("@reason", null);
        var excerpt = insert.Add("@excerpt", null);
        foreach (var entry in batch.Rejected)
        {
            at.Value = TimeToDb(entry.At);
            source.Value = entry.Source;
            line.Value = entry.Line;
            reason.Value = entry.Reason;
            excerpt.Value = (object?)QuarantineEntry.Bound(entry.Excerpt) ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
