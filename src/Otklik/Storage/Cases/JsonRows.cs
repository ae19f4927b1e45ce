using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Otklik.Storage.Cases;

/// <summary>
/// The rows of a SQLite batch statement as one JSON parameter, an array of arrays read back by
/// <c>json_each(@rows)</c> and <c>value-&gt;&gt;N</c>. Microsoft.Data.Sqlite binds each parameter by name from managed
/// code, which made one prepared statement per row cost about as much as the row's index writes (500 messages, 20
/// columns each: 10,000 bindings a batch); SQLite parses the JSON in C in a fraction of that. Strings, integers, reals
/// and null map to themselves; bytes travel as hex, read with <c>unhex(value-&gt;&gt;N)</c>.
/// </summary>
internal static class JsonRows
{
    // Cyrillic as is, not as \uXXXX: half the bytes for SQLite to parse.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of<T>(IEnumerable<T> rows, Func<T, object?[]> columns)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var value in columns(row))
                {
                    Write(writer, value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteNumberValue(b ? 1 : 0);
                break;
            case byte[] bytes:
                writer.WriteStringValue(Convert.ToHexString(bytes));
                break;
            default:
                throw new ArgumentException($"JsonRows cannot carry a {value.GetType().Name}; add it here", nameof(value));
        }
    }
}
