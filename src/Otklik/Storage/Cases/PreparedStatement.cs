using System.Data.Common;

namespace Otklik.Storage.Cases;

/// <summary>One compiled statement of a session, re-bound and run for each row of a batch (the SQLite bulk path).</summary>
internal sealed class PreparedStatement(DbCommand command) : IAsyncDisposable
{
    /// <summary>Sets the parameters in the order their names were given; null becomes SQL NULL.</summary>
    public PreparedStatement Bind(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ScalarAsync(CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? value : null;

    public async Task<List<T>> QueryAsync<T>(Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
