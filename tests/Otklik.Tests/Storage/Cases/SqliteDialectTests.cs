using System.Globalization;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage.Cases;

public class SqliteDialectTests
{
    [Theory]
    [InlineData("2021-01-01T00:00:00.000000Z")]
    [InlineData("2024-02-29T23:59:59.999999Z")]
    [InlineData("1999-12-31T12:34:56.000123Z")]
    public void A_stored_time_read_digit_by_digit_is_the_time_that_was_written(string text)
    {
        var expected = DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        Assert.True(SqliteDialect.TryParseTime(text, out var time));
        Assert.Equal(expected, time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("2021-02-30T00:00:00.000000Z")]
    [InlineData("2021-01-01 00:00:00")]
    [InlineData("2021-01-01T24:00:00.000000Z")]
    [InlineData("2021-0a-01T00:00:00.000000Z")]
    public void A_time_in_another_shape_is_left_to_the_full_parser(string text)
    {
        Assert.False(SqliteDialect.TryParseTime(text, out _));
    }
}
