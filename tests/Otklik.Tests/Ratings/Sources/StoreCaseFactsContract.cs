using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Otklik.Model;
using Otklik.Ratings;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Sources;
using Otklik.Storage.Cases;
using Otklik.Storage.Sql;
using Otklik.Tests.Support;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Ratings.Sources;

/// <summary>The store-backed case facts source, run against every backend.</summary>
public abstract partial class StoreCaseFactsContract
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Three bodies, each kind of case: fast, late, unanswered, closed, reopened, reassigned, stale, and several authors.</summary>
    private static List<CaseFact> Facts()
    {
        var facts = new List<CaseFact>();
        var i = 0;
        foreach (var (body, category) in new[] { ("1", "regional"), ("2", "regional"), ("3", "federal"), ("4", "municipal") })
        {
            for (var day = 1; day <= 8; day++)
            {
                var first = (day * (int.Parse(body, CultureInfo.InvariantCulture) + 1)) % 5 == 0 ? (double?)null : day * 3.5;
                var fact = Case(
                    body, At(1 + (day % 3), day * 3, day), first, category, topic: day % 2 == 0 ? "roads" : "yards", place: "Курск, ул. " + (day % 3),
                    fullAnswerHours: first is null ? null : first + 40, resolvedHours: day % 3 == 0 && first is not null ? first + 100 : null,
                    reopened: day == 4, reassigned: day == 5 || day == 7, status: first is null ? CaseStatus.InProgress : CaseStatus.Answered,
                    lastChangeHours: first is null ? 1 : null, author: "p" + (day % 4));
                facts.Add(fact with { CaseId = (++i).ToString(CultureInfo.InvariantCulture), BodyName = "Орган " + body });
            }
        }

        return facts;
    }

    [Fact]
    public async Task Stored_cases_stream_back_as_the_same_facts_in_creation_order_without_rejected_ones()
    {
        var db = await NewDatabaseAsync();
        var facts = Facts();
        await StoreAsync(db, facts);

        var read = StoreCaseFacts.Read(db, Q1.Start, Q1.End).Select(r => r.Fact!).ToList();

        Assert.Equal(facts, read);
    }

    [Fact]
    public async Task Only_cases_created_in_the_period_are_read()
    {
        var db = await NewDatabaseAsync();
        var facts = Facts();
        await StoreAsync(db, facts);

        var february = StoreCaseFacts.Read(db, At(2, 1), At(3, 1)).Select(r => r.Fact!.CaseId).ToList();

        Assert.Equal(facts.Where(f => f.CreatedAt >= At(2, 1) && f.CreatedAt < At(3, 1)).Select(f => f.CaseId), february);
    }

    [Fact]
    public async Task Ratings_from_the_store_equal_ratings_from_the_same_facts_as_json_lines()
    {
        var db = await NewDatabaseAsync();
        var facts = Facts();
        await StoreAsync(db, facts);
        var method = Methodology.Default() with { Bootstrap = new BootstrapSettings(20, 42, 0.95) };
        using var folder = new TempFolder();
        var jsonl = folder.Write("facts.jsonl", string.Join('\n', facts.Select(f => JsonSerializer.Serialize(f, Json))));

        var fromJson = RatingsRun.Compute(method, Q1, 0, [CaseFactsJsonLines.ReadFile(jsonl)], []);
        var fromStore = RatingsRun.Compute(method, Q1, 0, [StoreCaseFacts.Read(db, Q1.Start, Q1.End)], []);

        static List<string> Scores(Otklik.Ratings.Results.RatingsReport report) => report.AllEntities
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} {e.Volume} {e.Score:R} {e.ScoreLow:R} {e.Rank} {e.NotRatedReason}")).ToList();
        Assert.Equal(4, fromStore.AllEntities.Count());
        Assert.Equal(Scores(fromJson), Scores(fromStore));
    }

    /// <summary>Writes the facts as the workflow would have left them: body, case, first message, events.</summary>
    private static Task StoreAsync(string db, List<CaseFact> facts) => StoreAsync(db, facts, migrate: true);

    private static async Task StoreAsync(string db, List<CaseFact> facts, bool migrate)
    {
        var database = migrate ? await CaseDatabase.OpenAsync(db) : new CaseDatabase(SqlDialect.FromDb(db));
        await using var session = await database.OpenAsync(write: true);
        foreach (var body in facts.GroupBy(f => f.BodyId))
        {
            var level = body.First().Category switch { "federal" => BodyLevel.Federal, "regional" => BodyLevel.Regional, _ => BodyLevel.Municipal };
            await session.ExecuteAsync(
                "INSERT INTO bodies (id, name, folded_name, level) VALUES (@id, @name, @folded, @level)",
                default, ("id", long.Parse(body.Key, CultureInfo.InvariantCulture)), ("name", body.First().BodyName), ("folded", "орган " + body.Key), ("level", DbEnum<BodyLevel>.ToDb(level)));
        }

        foreach (var f in facts.Append(facts[0] with { CaseId = "999", Status = CaseStatus.Rejected }))
        {
            var id = long.Parse(f.CaseId, CultureInfo.InvariantCulture);
            await session.ExecuteAsync(
                """
                INSERT INTO cases (id, topic, city, body_id, status, created_at, updated_at, first_reply_at, answered_at, closed_at, first_reply_due, answer_due)
                VALUES (@id, @topic, @city, @body, @status, @created, @updated, @first, @answered, @closed, @firstDue, @answerDue)
                """,
                default, ("id", id), ("topic", f.Topic), ("city", f.Place), ("body", long.Parse(f.BodyId, CultureInfo.InvariantCulture)),
                ("status", DbEnum<CaseStatus>.ToDb(f.Status)), ("created", session.T(f.CreatedAt)), ("updated", session.T(f.LastStatusChangeAt)),
                ("first", session.T(f.FirstReplyAt)), ("answered", session.T(f.FullAnswerAt)), ("closed", session.T(f.ResolvedAt)),
                ("firstDue", session.T(f.FirstReplyDue)), ("answerDue", session.T(f.AnswerDue)));
            await session.ExecuteAsync(
                "INSERT INTO messages (channel, external_id, author_id, text, received_at, case_id) VALUES ('test', @ext, @author, 'текст', @at, @id)",
                default, ("ext", f.CaseId), ("author", f.Author), ("at", session.T(f.CreatedAt)), ("id", id));
            foreach (var (kind, happened) in new[] { ("reopened", f.Reopened), ("reassigned", f.Reassigned) })
            {
                if (happened)
                {
                    await session.ExecuteAsync(
                        "INSERT INTO case_events (case_id, at, actor, kind) VALUES (@id, @at, 'test', @kind)",
                        default, ("id", id), ("at", session.T(f.CreatedAt.AddHours(2))), ("kind", kind));
                }
            }
        }

        await session.CommitAsync();
    }
}
