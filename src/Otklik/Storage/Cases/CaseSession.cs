using System.Data.Common;
using System.Diagnostics;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>One connection (and, for writes, one transaction) to the workflow database. Partial files per table.</summary>
public sealed partial class CaseSession : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly DbConnection _connection;
    private readonly SemaphoreSlim? _writer;
    private DbTransaction? _transaction;

    internal CaseSession(SqlDialect dialect, DbConnection connection, DbTransaction? transaction, SemaphoreSlim? writer)
    {
        _dialect = dialect;
        _connection = connection;
        _transaction = transaction;
        _writer = writer;
    }

    /// <summary>The session's connection (tests: which pooled connection a session got).</summary>
    internal DbConnection Connection => _connection;

    /// <summary>How long the last <see cref="CommitAsync"/> spent on the work a database does before committing (SQLite: the search index).</summary>
    public TimeSpan BeforeCommitTime { get; private set; }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            var started = Stopwatch.GetTimestamp();
            await _dialect.BeforeCommitAsync(_connection, _transaction, cancellationToken);
            BeforeCommitTime = Stopwatch.GetElapsedTime(started);
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            _writing = false;
            _addingBodies = false;
            _dialect.AfterCommit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // An uncommitted transaction rolls back here: a crash or an exception mid-way leaves nothing half-done.
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
        _writer?.Release();
    }

    /// <summary>A time as this database stores it; null stays null.</summary>
    internal object? T(DateTimeOffset? time) => time is { } t ? _dialect.TimeToDb(t) : null;

    internal DateTimeOffset Time(DbDataReader r, int i) => _dialect.ReadTime(r, i);

    internal DateTimeOffset? TimeOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : _dialect.ReadTime(r, i);

    internal async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var command = Command(sql, args);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    internal async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var command = Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] args)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
