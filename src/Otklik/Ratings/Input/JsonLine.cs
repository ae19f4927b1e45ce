using System.Globalization;
using System.Text.Json;

namespace Otklik.Ratings.Input;

/// <summary>Field access on one JSON line that turns a missing or mistyped field into a <see cref="FormatException"/> naming it.</summary>
internal readonly struct JsonLine(JsonElement root)
{
    public string Text(string field) =>
        OptionalText(field) ?? throw new FieldException(field, "is required");

    public string? OptionalText(string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public long Long(string field, long fallback = 0) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? fallback
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : throw new FieldException(field, "must be a whole number");

    public long? OptionalLong(string field) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null : Long(field);

    public bool Bool(string field, bool fallback = false) => OptionalBool(field) ?? fallback;

    public bool? OptionalBool(string field) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FieldException(field, "must be true or false"),
        };

    public DateTimeOffset Time(string field) =>
        OptionalTime(field) ?? throw new FieldException(field, "is required (ISO 8601 with an offset, e.g. 2021-01-10T09:00:00+03:00)");

    public DateTimeOffset? OptionalTime(string field)
    {
        var text = OptionalText(field);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new FieldException(field, $"\"{text}\" is not an ISO 8601 time");
    }

    internal sealed class FieldException(string field, string message) : FormatException(message)
    {
        public string Field { get; } = field;
    }
}
