using System.Globalization;
using System.Text.Json;

namespace Otklik.Deadlines;

/// <summary>
/// Reads a production calendar: <c>{"years":[2025], "workdayStart":"09:00", "workdayEnd":"18:00", "lunchStart":"13:00",
/// "lunchEnd":"14:00", "shortenedBy":"01:00",
/// "daysOff":["2025-01-01", ...], "workingWeekends":["2025-11-01"], "shortDays":["2025-03-07"]}</c>.
/// <c>daysOff</c> lists the weekdays that are not worked (holidays and transferred days off); weekends need not be listed.
/// </summary>
public static class WorkingCalendarFile
{
    public static WorkingCalendar Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            return new WorkingCalendar(
                Time(path, root, "workdayStart", new TimeOnly(9, 0)),
                Time(path, root, "workdayEnd", new TimeOnly(18, 0)),
                Time(path, root, "shortenedBy", new TimeOnly(1, 0)).ToTimeSpan(),
                Dates(path, root, "daysOff"),
                Dates(path, root, "workingWeekends"),
                Dates(path, root, "shortDays"),
                root.TryGetProperty("years", out var y) ? y.EnumerateArray().Select(e => e.GetInt32()).ToHashSet() : null,
                root.TryGetProperty("lunchStart", out _) ? (Time(path, root, "lunchStart", new TimeOnly(13, 0)), Time(path, root, "lunchEnd", new TimeOnly(14, 0))) : null);
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, (e.LineNumber ?? -1) + 1, "json", e.Message);
        }
    }

    private static TimeOnly Time(string path, JsonElement root, string field, TimeOnly fallback) =>
        !root.TryGetProperty(field, out var v) ? fallback
        : TimeOnly.TryParseExact(v.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : throw new DataFileException(path, 0, field, $"'{v.GetString()}' is not a time like \"09:00\"");

    private static List<DateOnly> Dates(string path, JsonElement root, string field) =>
        !root.TryGetProperty(field, out var array) ? []
        : array.EnumerateArray().Select(e => DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DataFileException(path, 0, field, $"'{e.GetString()}' is not a date like \"2025-01-01\"")).ToList();
}
