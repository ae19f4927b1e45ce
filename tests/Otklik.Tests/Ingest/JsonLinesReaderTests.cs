using System.Text;
using Otklik.Ingest;
using Otklik.Privacy;
using Otklik.Tests.Support;

namespace Otklik.Tests.Ingest;

public sealed class JsonLinesReaderTests : IDisposable
{
    private static readonly RecordContext Context =
        new(null, new Pseudonymizer("test-key-test-key-test-key"u8.ToArray()), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Crlf_endings_a_byte_order_mark_and_blank_lines_read_with_their_physical_line_numbers()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("{\"channel\":\"vk\",\"external_id\":1,\"text\":\"Раз\"}\r\n\r\n   \n{\"channel\":\"vk\",\"external_id\":2,\"text\":\"Два\"}"))
            .ToArray();

        using var reader = new JsonLinesReader(_temp.Write("m.jsonl", bytes), Context);
        var records = reader.Read(CancellationToken.None).ToList();

        Assert.Equal([1L, 4L], records.Select(r => r.Line));
        Assert.Equal(["1", "2"], records.Select(r => r.Message!.ExternalId));
        Assert.Equal("Раз", records[0].Message!.Text);
    }

    [Fact]
    public void A_line_over_the_limit_is_reported_and_the_lines_after_it_still_read()
    {
        var longLine = "{\"channel\":\"vk\",\"external_id\":1,\"text\":\"" + new string('я', 3000) + "\"}";
        var file = _temp.Write("m.jsonl", longLine + "\n{\"channel\":\"vk\",\"external_id\":2,\"text\":\"Два\"}\n");

        using var reader = new JsonLinesReader(file, Context, maxLineBytes: 1024);
        var records = reader.Read(CancellationToken.None).ToList();

        Assert.Equal(2, records.Count);
        Assert.Contains("longer than 1,024 bytes", records[0].Error);
        Assert.Equal(2, records[1].Line);
        Assert.Equal("2", records[1].Message!.ExternalId);
    }

    [Fact]
    public void Trailing_content_after_the_object_and_a_bad_time_are_errors_that_name_the_problem()
    {
        var file = _temp.Write("m.jsonl", """
            {"channel":"vk","external_id":1,"text":"Раз"} {"second":true}
            {"channel":"vk","external_id":2,"text":"Два","received_at":"вчера"}
            {"channel":"vk","external_id":3,"text":"Три","geo":{"lat":"север","lon":1}}
            [1,2]

            """);

        using var reader = new JsonLinesReader(file, Context);
        var errors = reader.Read(CancellationToken.None).Select(r => r.Error).ToList();

        Assert.StartsWith("broken JSON", errors[0]);
        Assert.Contains("\"received_at\" is not an ISO-8601 time", errors[1]);
        Assert.Contains("\"geo.lat\" must be a number", errors[2]);
        Assert.Equal("not a JSON object", errors[3]);
    }
}
