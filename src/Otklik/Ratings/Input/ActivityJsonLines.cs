using System.Text.Json;

namespace Otklik.Ratings.Input;

/// <summary>
/// Reads activity JSON Lines (docs/ratings/activity-format.md): "account", "post", "comment" and "reply" lines.
/// A bad line comes back as a problem naming the file, line and field; reading goes on.
/// </summary>
public static class ActivityJsonLines
{
    public static IEnumerable<ActivityRecord> ReadFile(string path) => JsonLinesInput.ReadFile(path, Parse);

    public static IEnumerable<ActivityRecord> Read(TextReader reader, string name) => JsonLinesInput.Read(reader, name, Parse);

    private static ActivityRecord Parse(string text, string name, long line)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var json = new JsonLine(document.RootElement);
            var type = json.Text("type");
            return type switch
            {
                "account" => new ActivityRecord(new AccountFacts(
                    json.Text("account"),
                    json.OptionalText("name") ?? json.Text("account"),
                    json.Text("category"),
                    json.OptionalText("level") ?? "regional",
                    json.Bool("governmentMark"),
                    json.Bool("description"),
                    json.Bool("contacts"),
                    json.Bool("appealsLink"),
                    json.Bool("pinned"),
                    json.Long("followers"),
                    json.OptionalLong("population"),
                    json.OptionalText("territory"),
                    json.Bool("simulated")), null, null),
                "post" or "comment" or "reply" => new ActivityRecord(null, new ActivityEvent(
                    type switch { "post" => ActivityKind.Post, "comment" => ActivityKind.Comment, _ => ActivityKind.Reply },
                    json.Text("account"),
                    json.Text("id"),
                    json.Time("at"),
                    (int)json.Long("textLength"),
                    json.Long("views"),
                    json.Long("likes"),
                    json.Long("reposts"),
                    json.Long("comments"),
                    json.Bool("commentsOpen", true),
                    type == "reply" ? json.Text("replyTo") : json.OptionalText("post"),
                    json.OptionalBool("question")), null),
                _ => Problem(name, line, "type", $"\"{type}\" is not one of account, post, comment, reply"),
            };
        }
        catch (JsonLine.FieldException ex)
        {
            return Problem(name, line, ex.Field, ex.Message);
        }
        catch (JsonException ex)
        {
            return Problem(name, line, null, "not valid JSON: " + ex.Message);
        }
    }

    private static ActivityRecord Problem(string name, long line, string? field, string message) =>
        new(null, null, new InputProblem(name, line, field, message));
}
