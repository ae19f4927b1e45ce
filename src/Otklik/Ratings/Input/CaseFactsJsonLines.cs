using System.Text.Json;
using Otklik.Model;

namespace Otklik.Ratings.Input;

/// <summary>Reads case facts JSON Lines (docs/ratings/case-facts-format.md); bad lines come back as problems.</summary>
public static class CaseFactsJsonLines
{
    public static IEnumerable<CaseFactRecord> ReadFile(string path) => JsonLinesInput.ReadFile(path, Parse);

    public static IEnumerable<CaseFactRecord> Read(TextReader reader, string name) => JsonLinesInput.Read(reader, name, Parse);

    private static CaseFactRecord Parse(string text, string name, long line)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var json = new JsonLine(document.RootElement);
            var status = json.OptionalText("status") ?? "new";
            if (!Enum.TryParse<CaseStatus>(status.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed))
            {
                throw new JsonLine.FieldException("status", $"\"{status}\" is not one of new, assigned, in-progress, answered, closed, rejected, reopened");
            }

            return new CaseFactRecord(new CaseFact
            {
                CaseId = json.Text("caseId"),
                BodyId = json.Text("bodyId"),
                BodyName = json.OptionalText("bodyName"),
                Category = json.Text("category"),
                Topic = json.OptionalText("topic"),
                Place = json.OptionalText("place"),
                Author = json.OptionalText("author"),
                CreatedAt = json.Time("createdAt"),
                FirstReplyAt = json.OptionalTime("firstReplyAt"),
                FullAnswerAt = json.OptionalTime("fullAnswerAt"),
                ResolvedAt = json.OptionalTime("resolvedAt"),
                FirstReplyDue = json.OptionalTime("firstReplyDue"),
                AnswerDue = json.OptionalTime("answerDue"),
                Status = parsed,
                Reopened = json.Bool("reopened"),
                Reassigned = json.Bool("reassigned"),
                LastStatusChangeAt = json.OptionalTime("lastStatusChangeAt"),
            }, null);
        }
        catch (JsonLine.FieldException ex)
        {
            return new CaseFactRecord(null, new InputProblem(name, line, ex.Field, ex.Message));
        }
        catch (JsonException ex)
        {
            return new CaseFactRecord(null, new InputProblem(name, line, null, "not valid JSON: " + ex.Message));
        }
    }
}
