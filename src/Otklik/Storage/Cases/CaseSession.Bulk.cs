using Npgsql;

namespace Otklik.Storage.Cases;

/// <summary>
/// The two ways of writing many rows at once. PostgreSQL: one statement over parameter arrays (<c>unnest</c>), because
/// every statement is a network round trip. SQLite: one statement over a JSON array of the rows (<see cref="JsonRows"/>,
/// <c>json_each</c>): SQLite runs in this process, so a round trip is a function call, but binding each row's
/// parameters from managed code cost as much as writing the row.
/// </summary>
public sealed partial class CaseSession
{
    private bool IsPostgres => _connection is NpgsqlConnection;

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
