using System.Data.Common;
using Otklik.Folding;
using Otklik.Model;

namespace Otklik.Storage.Sql;

internal abstract partial class SqlStore
{
    public async Task<ImportBatchOutcome> ImportBatchAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var resolved = await ResolveBodiesAsync(connection, transaction, batch.Messages, cancellationToken).ConfigureAwait(false);
        var outcome = batch.Messages.Count == 0
            ? default
            : await InsertMessagesAsync(connection, transaction, batch, resolved, cancellationToken).ConfigureAwait(false);
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
    /// <paramref name="bodyIds"/> maps folded body names of the batch to ids.
    /// </summary>
    protected abstract Task<ImportBatchOutcome> InsertMessagesAsync(
        DbConnection connection,
        DbTransaction transaction,
        ImportBatch batch,
        IReadOnlyDictionary<string, long> bodyIds,
        CancellationToken cancellationToken);

    /// <summary>The body id for a message's labels, or null.</summary>
    /// <remarks>Keyed by the name as written: folding is paid once per distinct name, not once per message.</remarks>
    protected static long? BodyIdOf(IncomingMessage message, IReadOnlyDictionary<string, long> bodyIds) =>
        message.Labels?.BodyName is { } name && bodyIds.TryGetValue(name, out var id) ? id : null;

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
