using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Otklik.Ingest;
using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Web;

/// <summary>
/// Fills a fresh server with 60 days of the Kursk demo appeals (data/demo), posted day by day on a fake clock through
/// the HTTP API, with answers after varying delays (some late, some never), a spike in the last days, a case that
/// needs an operator and a message carrying markup. The clock ends at the real "now".
/// </summary>
internal static class DemoSeed
{
    public const string SearchWord = "Ромашковой";
    public const string SearchedText = "На улице Ромашковой у дома 17 третью неделю не горят фонари, вечером идти страшно.";
    public const string WrongTopic = "Безнадзорные животные";
    public const string RightTopic = "Неработающее наружное освещение";
    public const string ExecutorBody = "Комитет жилищно-коммунального хозяйства города Курска";
    public const string XssText = "Проверка разметки: <script>alert(1)</script> и <img src=x onerror=alert(1)> — это просто текст.";
    public const string XssWord = "разметки";
    public const string BulkWord = "Каштановой";
    private const int Days = 60;
    private const int PerDay = 5;

    // The demo file numbers its 17 topic groups; these names are read off their topics.
    private static readonly string[] Groups =
    [
        "Дороги", "Животные", "Госуслуги", "ЖКХ и благоустройство", "Здравоохранение", "Культура", "Социальная поддержка",
        "Образование", "Общественный транспорт", "Связь", "Социальные выплаты", "Строительство", "Прочее", "Торговля",
        "Труд и занятость", "Спорт", "Экология и отходы",
    ];

    private static readonly string[] Towns = ["Железногорск", "Курчатов", "Льгов", "Щигры", "Рыльск", "Обоянь", "Суджа", "Фатеж"];

    public static async Task RunAsync(CaseDatabase database, HttpClient admin, FakeTimeProvider clock)
    {
        var appeals = KurskFormat.LoadLabeled(Path.Combine(SharedData.RepoRoot(), "data", "demo", "kursk-appeals.csv"))
            .Where(a => !a.Text.Contains('<', StringComparison.Ordinal)).Take(Days * PerDay).ToList();
        await using (var session = await database.OpenAsync(write: true))
        {
            foreach (var name in appeals.Select(a => a.Executor).Append(ExecutorBody).Distinct(StringComparer.Ordinal))
            {
                var level = name.Contains("области", StringComparison.Ordinal) ? BodyLevel.Regional : BodyLevel.Municipal;
                await session.AddBodyAsync(new Body(0, name, null, level, "46", null, new Territory("46", "Курская область", null, CityOf(name)), null));
            }

            await session.CommitAsync();
        }

        var answers = new List<(int Day, long CaseId)>();
        var n = 0;
        for (var day = 0; day < Days; day++)
        {
            var batch = appeals.Skip(day * PerDay).Take(PerDay).Select(a => Message($"kursk-{a.Id}", a.Text, a.Topic, Group(a.Group), a.Executor, CityOf(a.Executor))).ToList();
            if (day >= Days - 3)
            {
                // A spike: street lights out in one town, far above its usual level.
                batch.AddRange(Enumerable.Range(0, 4).Select(i => Message(
                    $"spike-{day}-{i}", $"Не горит освещение на улице №{day * 10 + i} в Железногорске, темно уже {i + 2} дня.",
                    RightTopic, Groups[3], ExecutorBody, "Железногорск")));
            }

            var posted = await admin.PostAsJsonAsync("/api/messages/batch", new { messages = batch });
            posted.EnsureSuccessStatusCode();
            var result = (await posted.Content.ReadFromJsonAsync<BatchAnswer>())!;
            foreach (var c in result.Results.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct())
            {
                // 7 of 10 cases are answered, after 0 to 12 days: some within the 30-day deadline's first days, some late.
                if (++n % 10 < 7 && day + (n % 13) < Days - 1)
                {
                    answers.Add((day + (n % 13), c));
                }
            }

            foreach (var (_, caseId) in answers.Where(a => a.Day == day))
            {
                (await admin.PostAsJsonAsync($"/api/cases/{caseId}/answers", new { kind = "final", text = "Проблема устранена, спасибо за обращение." })).EnsureSuccessStatusCode();
            }

            // The last day ends at noon, so the newest cases are hours old, not on their first deadline.
            clock.Advance(day < Days - 1 ? TimeSpan.FromDays(1) : TimeSpan.FromHours(3));
        }

        var special = new[]
        {
            // Labeled wrong on purpose and without a body: the operator corrects it and assigns it.
            Message("web-search-1", SearchedText, WrongTopic, Groups[1], null, "Курск"),
            Message("web-xss-1", XssText, RightTopic, Groups[3], ExecutorBody, "Курск"),
            // Two more without a body, for the bulk assignment.
            Message("web-bulk-1", "На улице Каштановой прорвало трубу, вода течёт по тротуару.", "Порыв водопровода", Groups[3], null, "Курск"),
            Message("web-bulk-2", "Каштановой улице нужен новый пешеходный переход у школы.", "Дорожная разметка", Groups[0], null, "Курск"),
        };
        (await admin.PostAsJsonAsync("/api/messages/batch", new { messages = special })).EnsureSuccessStatusCode();
    }

    private static object Message(string id, string text, string topic, string group, string? body, string? city) => new
    {
        channel = "demo", externalId = id, text, author = "resident-" + id, topic, topicGroup = group, body, region = "Курская область", city,
    };

    private static string Group(string? code) => int.TryParse(code, out var i) && i >= 0 && i < Groups.Length ? Groups[i] : "Прочее";

    private static string CityOf(string body)
    {
        foreach (var town in Towns)
        {
            if (body.Contains(town[..^1], StringComparison.Ordinal))
            {
                return town;
            }
        }

        // District administrations: spread over the towns deterministically so the map has more than one point.
        return body.Contains("района", StringComparison.Ordinal) ? Towns[(int)((uint)StableHash(body) % Towns.Length)] : "Курск";
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var ch in s)
        {
            h = unchecked((h * 31) + ch);
        }

        return h;
    }

    private sealed record BatchAnswer(List<BatchItem> Results);

    private sealed record BatchItem(long? CaseId);
}
