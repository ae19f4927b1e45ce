using System.Globalization;
using System.Text.Json;
using Otklik.Folding;
using Otklik.Model;
using Otklik.Ratings.Input;

namespace Otklik.Ratings.Sources;

/// <summary>
/// Streams the real St Petersburg appeals («Наш Санкт-Петербург», ../shared/data/appeals/spb-appeals.jsonl.gz) as
/// case facts. The portal publishes no deadlines: the source assumes <see cref="FirstReplyDays"/> and
/// <see cref="AnswerDays"/> and the methodology says so. Times carry no offset in the file: they are Moscow time.
/// </summary>
/// <remarks>
/// Body: executor_org, or the first answer's author_org when it is empty; an appeal with neither (never answered,
/// never assigned) has no body and is counted as unattributed. Reopened: the resident wrote again (more than one
/// petition). Reassigned: an answer came from another organisation than the executor. Place: the address, or the
/// point rounded to about 100 m. Duplicates: the same text, topic and place submitted again within a day is one case
/// (the file holds many identical short texts such as «Мусор» at different places and times: those are kept).
/// </remarks>
public sealed class SpbAppealsSource(int firstReplyDays = 8, int answerDays = 30)
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>Days to the first public reply the portal is assumed to require. Defaults to 8.</summary>
    public int FirstReplyDays { get; } = firstReplyDays;

    /// <summary>Days to the full answer (the 30 days of Federal Law 59-FZ). Defaults to 30.</summary>
    public int AnswerDays { get; } = answerDays;

    public long Lines { get; private set; }

    public long Duplicates { get; private set; }

    /// <summary>Unreadable lines, the first 100 of them (all are counted in <see cref="ProblemCount"/>).</summary>
    public List<InputProblem> Problems { get; } = [];

    public long ProblemCount { get; private set; }

    /// <summary>The default location relative to the repository root.</summary>
    public static string DefaultPath => Path.Combine("..", "shared", "data", "appeals", "spb-appeals.jsonl.gz");

    public IEnumerable<CaseFact> Read(string path)
    {
        using var reader = Open.Text(path);
        foreach (var fact in Read(reader, path))
        {
            yield return fact;
        }
    }

    public IEnumerable<CaseFact> Read(TextReader reader, string name)
    {
        var recent = new Dictionary<ulong, DateTimeOffset>();
        var recentOrder = new Queue<(ulong Key, DateTimeOffset At)>();
        while (reader.ReadLine() is { } text)
        {
            Lines++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            CaseFact? fact;
            ulong key;
            try
            {
                (fact, key) = Parse(text);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                ProblemCount++;
                if (Problems.Count < 100)
                {
                    Problems.Add(new InputProblem(name, Lines, (ex as JsonLine.FieldException)?.Field, ex.Message));
                }

                continue;
            }

            // The window of recent submissions only looks one day back, so it stays small however long the file is.
            while (recentOrder.TryPeek(out var oldest) && oldest.At < fact.CreatedAt.AddDays(-1))
            {
                recentOrder.Dequeue();
                if (recent.TryGetValue(oldest.Key, out var at) && at == oldest.At)
                {
                    recent.Remove(oldest.Key);
                }
            }

            if (recent.TryGetValue(key, out var previous) && fact.CreatedAt - previous <= TimeSpan.FromDays(1))
            {
                Duplicates++;
                continue;
            }

            recent[key] = fact.CreatedAt;
            recentOrder.Enqueue((key, fact.CreatedAt));
            yield return fact;
        }
    }

    private (CaseFact Fact, ulong DuplicateKey) Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var json = new JsonLine(root);
        var id = json.Text("id");
        var petitions = root.GetProperty("petitions");
        var answers = root.GetProperty("answers");
        var statuses = root.GetProperty("statuses");
        var firstStatus = statuses.GetArrayLength() > 0 ? Time(statuses[0], "statuses[0].dt") : (DateTimeOffset?)null;
        var created = petitions.GetArrayLength() > 0 ? Time(petitions[0], "petitions[0].dt") : firstStatus
            ?? throw new JsonLine.FieldException("petitions", "no petition and no status: the appeal has no creation time");

        var executor = json.OptionalText("executor_org");
        DateTimeOffset? firstReply = null, fullAnswer = null;
        var reassigned = false;
        var index = 0;
        foreach (var answer in answers.EnumerateArray())
        {
            var at = Time(answer, $"answers[{index++}].dt");
            var author = answer.TryGetProperty("author_org", out var org) ? org.GetString() : null;
            executor ??= author;
            reassigned |= author is not null && !string.Equals(author, executor, StringComparison.Ordinal);
            firstReply = firstReply is null || at < firstReply ? at : firstReply;
            if (answer.TryGetProperty("answer_kind", out var kind) && string.Equals(kind.GetString(), "Окончательный ответ", StringComparison.Ordinal))
            {
                fullAnswer = fullAnswer is null || at < fullAnswer ? at : fullAnswer;
            }
        }

        DateTimeOffset? resolved = null, lastChange = null;
        string? lastStatus = null;
        index = 0;
        foreach (var status in statuses.EnumerateArray())
        {
            var at = Time(status, $"statuses[{index++}].dt");
            lastStatus = status.GetProperty("status").GetString();
            lastChange = at;
            if (lastStatus?.StartsWith("Завершено", StringComparison.Ordinal) == true)
            {
                resolved = at;
            }
        }

        var topic = json.OptionalText("reason") ?? json.OptionalText("category");
        var place = Place(json);
        var firstText = petitions.GetArrayLength() > 0 && petitions[0].TryGetProperty("text", out var t) ? t.GetString() : null;
        var fact = new CaseFact
        {
            CaseId = id,
            BodyId = executor ?? string.Empty,
            BodyName = executor,
            Category = executor is null ? string.Empty : CategoryOf(executor),
            Topic = topic,
            Place = place,
            Author = null,
            CreatedAt = created,
            FirstReplyAt = firstReply,
            FullAnswerAt = fullAnswer,
            ResolvedAt = resolved,
            FirstReplyDue = created.AddDays(FirstReplyDays),
            AnswerDue = created.AddDays(AnswerDays),
            Status = StatusOf(lastStatus),
            Reopened = petitions.GetArrayLength() > 1,
            Reassigned = reassigned,
            LastStatusChangeAt = lastChange,
        };
        var duplicateKey = Engine.StableHash.Of(topic + "\u0001" + place, firstText is null ? null : RussianText.Fold(firstText));
        return (fact, duplicateKey);
    }

    /// <summary>
    /// St Petersburg is a federal city: its committees, district administrations and their institutions are regional
    /// executive power. Local administrations of municipal okrugs are municipal; federal offices are federal.
    /// </summary>
    public static string CategoryOf(string executor)
    {
        var folded = RussianText.Fold(executor);
        if (folded.Contains("местная администрация", StringComparison.Ordinal) || folded.Contains("муниципальн", StringComparison.Ordinal))
        {
            return "municipal";
        }

        return folded.Contains("гу мвд", StringComparison.Ordinal) || folded.Contains("гибдд", StringComparison.Ordinal)
            || folded.Contains("управление федеральной", StringComparison.Ordinal) || folded.Contains("роспотребнадзор", StringComparison.Ordinal)
            ? "federal"
            : "regional";
    }

    private static CaseStatus StatusOf(string? status) => status switch
    {
        null => CaseStatus.New,
        "Модерация" => CaseStatus.New,
        "Рассмотрение" or "Промежуточный ответ" => CaseStatus.InProgress,
        "Получен ответ" => CaseStatus.Answered,
        _ when status.StartsWith("Завершено", StringComparison.Ordinal) => CaseStatus.Closed,
        _ => CaseStatus.InProgress,
    };

    private static string? Place(JsonLine json)
    {
        var address = json.OptionalText("address");
        if (!string.IsNullOrWhiteSpace(address))
        {
            return RussianText.Fold(address);
        }

        var lat = json.OptionalText("lat");
        var lon = json.OptionalText("lon");
        return double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            ? string.Create(CultureInfo.InvariantCulture, $"{la:F3},{lo:F3}")
            : null;
    }

    private static DateTimeOffset Time(JsonElement element, string field)
    {
        var text = element.TryGetProperty("dt", out var dt) ? dt.GetString() : null;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Moscow)
            : throw new JsonLine.FieldException(field, $"\"{text}\" is not a time");
    }
}
