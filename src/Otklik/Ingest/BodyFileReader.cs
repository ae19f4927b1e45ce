using System.Text;
using System.Text.Json;
using Otklik.Errors;
using Otklik.Model;
using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>
/// Reads a registry of bodies: CSV with a header row, a JSON array of objects, or JSON Lines. The fields, by name:
/// name (required), short_name, level (federal, regional, municipal, other; guessed from the name when absent),
/// region_code, region, district, city, parent (the parent body's name), contacts.
/// </summary>
public static class BodyFileReader
{
    public static IEnumerable<BodyRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new OtklikException($"File not found: {path}", "Check the path; it is relative to the current folder.");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path),
            ".json" => ReadJsonArray(path),
            ".jsonl" or ".ndjson" => ReadJsonLines(path),
            _ => throw new OtklikException($"Cannot tell the format of {path} from its extension.", "Use a .csv, .json or .jsonl file."),
        };
    }

    private static IEnumerable<BodyRecord> ReadCsv(string path)
    {
        using var text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text);
        IReadOnlyList<string>? header = null;
        while (csv.Read() is { } result)
        {
            if (result.Record is not { } record)
            {
                yield return new BodyRecord(result.Line, null, result.Error);
                continue;
            }

            if (header is null)
            {
                header = record.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                if (!header.Contains("name"))
                {
                    throw new OtklikException($"{path}: the header has no 'name' column.", "The first row names the columns: name,short_name,level,region_code,region,district,city,parent,contacts");
                }

                continue;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < record.Fields.Count; i++)
            {
                values[header[i]] = record.Fields[i];
            }

            yield return Build(record.Line, values);
        }
    }

    private static IEnumerable<BodyRecord> ReadJsonArray(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new OtklikException($"{path} is not valid JSON: {e.Message}", "Give an array of objects, or use JSON Lines (.jsonl).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new OtklikException($"{path}: expected an array of bodies at the top.", "Write [{\"name\": \"…\"}, …]");
            }

            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                yield return FromJson(index, element);
            }
        }
    }

    private static IEnumerable<BodyRecord> ReadJsonLines(string path)
    {
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ParseLine(line, text);
        }
    }

    private static BodyRecord ParseLine(long line, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return FromJson(line, document.RootElement);
        }
        catch (JsonException e)
        {
            return new BodyRecord(line, null, "broken JSON: " + e.Message);
        }
    }

    private static BodyRecord FromJson(long line, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new BodyRecord(line, null, "not a JSON object");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name.ToLowerInvariant()] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return Build(line, values);
    }

    private static BodyRecord Build(long line, Dictionary<string, string?> values)
    {
        string? Get(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var name = Get("name");
        if (name is null)
        {
            return new BodyRecord(line, null, "field \"name\" is missing or empty");
        }

        BodyLevel level;
        if (Get("level") is { } levelText)
        {
            if (!BodyLevels.TryParse(levelText, out level))
            {
                return new BodyRecord(line, null, $"field \"level\" is '{levelText}', expected federal, regional, municipal or other");
            }
        }
        else
        {
            level = BodyLevels.Guess(name);
        }

        var regionCode = Get("region_code");
        var body = new Body(
            0,
            name,
            Get("short_name"),
            level,
            regionCode,
            null,
            new Territory(regionCode, Get("region"), Get("district"), Get("city")),
            Get("contacts"));
        return new BodyRecord(line, new BodyEntry(body, Get("parent")), null);
    }
}
