using Npgsql;

namespace Otklik.Storage.Cases;

/// <summary>
/// The two ways of writing many rows at once. PostgreSQL: one statement over parameter arrays (<c>unnest</c>), because
/// every statement is a network round trip. SQLite: the same statement for each row, prepared once, in the session's
/// transaction, because SQLite runs in this process: a round trip is a function call and one compiled statement
/// re-bound per row is as fast as it gets.
/// </summary>
public sealed partial class CaseSession
{
    private bool IsPostgres => _connection is NpgsqlConnection;

    /// <summary>A statement compiled once and run for each row; parameter names are given once, values per row in that order.</summary>
    private async Task<PreparedStatement> PrepareAsync(string sql, string[] names, CancellationToken cancellationToken)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(cancellationToken);
        return new PreparedStatement(command);
    }

    /// <summary>A PostgreSQL command whose parameters are whole columns (arrays), for <c>unnest(@a, @b, …)</c>.</summary>
    private NpgsqlCommand ArrayCommand(string sql, params (string Name, object Values)[] columns)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)_connection, (NpgsqlTransaction?)_transaction);
        foreach (var (name, values) in columns)
        {
            command.Parameters.Add(new NpgsqlParameter(name, values));
        }

        return command;
    }
}
