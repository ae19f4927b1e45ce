using Otklik.Model;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>Appends to a case's history. There is no update or delete of events: the trail is append-only.</summary>
    public Task<int> AddEventAsync(long caseId, DateTimeOffset at, string actor, string kind, string? before, string? after, string? note, CancellationToken cancellationToken = default)
    {
        RequireWriting();
        return ExecuteAsync(
            "INSERT INTO case_events (case_id, at, actor, kind, before_value, after_value, note) VALUES (@c, @at, @actor, @kind, @b, @a, @n)",
            cancellationToken, ("c", caseId), ("at", T(at)), ("actor", actor), ("kind", kind), ("b", before), ("a", after), ("n", note));
    }

    public Task<List<CaseEvent>> EventsOfCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, case_id, at, actor, kind, before_value, after_value, note FROM case_events WHERE case_id = @c ORDER BY id",
            r => new CaseEvent(r.GetInt64(0), r.GetInt64(1), Time(r, 2), r.GetString(3), r.GetString(4), Db.Str(r, 5), Db.Str(r, 6), Db.Str(r, 7)),
            cancellationToken, ("c", caseId));

    public async Task<long> AddResponseAsync(Response response, CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await ScalarAsync(
            "INSERT INTO responses (case_id, body_id, author_user, kind, at, text, url) VALUES (@c, @b, @u, @k, @at, @t, @url) RETURNING id",
            cancellationToken, ("c", response.CaseId), ("b", response.BodyId), ("u", response.AuthorUser), ("k", DbEnum<ResponseKind>.ToDb(response.Kind)),
            ("at", T(response.At)), ("t", response.Text), ("url", response.Url)), System.Globalization.CultureInfo.InvariantCulture);

    public Task<List<Response>> ResponsesOfCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, case_id, body_id, author_user, kind, at, text, url FROM responses WHERE case_id = @c ORDER BY id",
            r => new Response(r.GetInt64(0), r.GetInt64(1), Db.Long(r, 2), Db.Str(r, 3), DbEnum<ResponseKind>.Parse(r.GetString(4)), Time(r, 5), r.GetString(6), Db.Str(r, 7)),
            cancellationToken, ("c", caseId));
}
