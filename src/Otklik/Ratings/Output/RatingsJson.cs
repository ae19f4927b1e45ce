using System.Text.Json;
using System.Text.Json.Serialization;
using Otklik.Ratings.Results;

namespace Otklik.Ratings.Output;

/// <summary>The report as JSON: everything, breakdowns and history included (what GET /ratings will return).</summary>
public static class RatingsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RatingsReport report, Stream output) => JsonSerializer.Serialize(output, report, Options);

    public static string ToJson(RatingsReport report) => JsonSerializer.Serialize(report, Options);
}
