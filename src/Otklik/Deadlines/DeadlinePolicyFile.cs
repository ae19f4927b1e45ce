using System.Globalization;
using System.Text.Json;

namespace Otklik.Deadlines;

/// <summary>
/// Reads data/routing/deadlines.json:
/// <code>
/// { "defaultUtcOffset": "+03:00",
///   "default": { "firstReply": "24h", "fullAnswer": "30d" },
///   "rules": [ { "name": "dangerous", "priority": true, "topics": [...], "groups": [...], "keywords": ["открытый люк"],
///                "months": [10, 11, 12, 1, 2, 3, 4], "firstReply": "1h", "fullAnswer": "8wh" } ] }
/// </code>
/// Spans: "3h" clock hours, "8wh" working hours, "30d" calendar days, "5wd" working days. A first reply above 24 hours is refused.
/// </summary>
public static class DeadlinePolicyFile
{
    public static DeadlinePolicy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, (e.LineNumber ?? -1) + 1, "json", e.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var offset = TimeSpan.FromHours(3);
            if (root.TryGetProperty("defaultUtcOffset", out var o) &&
                !TimeSpan.TryParse(o.GetString()?.TrimStart('+'), CultureInfo.InvariantCulture, out offset))
            {
                throw new DataFileException(path, 0, "defaultUtcOffset", "must look like \"+03:00\"");
            }

            if (!root.TryGetProperty("default", out var def))
            {
                throw new DataFileException(path, 0, "default", "missing; give {\"firstReply\": \"24h\", \"fullAnswer\": \"30d\"}");
            }

            var defaultRule = Rule(path, def, "default");
            var rules = root.TryGetProperty("rules", out var list)
                ? list.EnumerateArray().Select((r, i) => Rule(path, r, $"rules[{i}]")).ToList()
                : [];
            return new DeadlinePolicy(defaultRule, rules, offset);
        }
    }

    private static DeadlineRule Rule(string path, JsonElement e, string where)
    {
        var name = e.TryGetProperty("name", out var n) ? n.GetString() ?? where : where;
        var first = Span(path, e, where, "firstReply");
        if (first.Unit is DeadlineUnit.Days or DeadlineUnit.WorkingDays || first.AtLeast > DeadlinePolicy.MaxFirstReply)
        {
            throw new DataFileException(path, 0, $"{where}.firstReply", $"'{first}' is over 24 hours; a first public reply is promised in hours (\"1h\"..\"24h\")");
        }

        var months = Strings(e, "months").Select(m => int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 12
            ? v
            : throw new DataFileException(path, 0, $"{where}.months", $"'{m}' is not a month number 1–12")).ToList();
        return new DeadlineRule(name, Strings(e, "topics"), Strings(e, "groups"), Strings(e, "keywords"), months,
            first, Span(path, e, where, "fullAnswer"), e.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.True);
    }

    private static DeadlineSpan Span(string path, JsonElement e, string where, string field) =>
        DeadlineSpan.TryParse(e.TryGetProperty(field, out var v) ? v.GetString() : null)
        ?? throw new DataFileException(path, 0, $"{where}.{field}", "missing or malformed; write \"3h\", \"8wh\", \"30d\" or \"5wd\"");

    private static List<string> Strings(JsonElement e, string field) =>
        e.TryGetProperty(field, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetRawText() : x.GetString() ?? string.Empty).ToList()
            : [];
}
