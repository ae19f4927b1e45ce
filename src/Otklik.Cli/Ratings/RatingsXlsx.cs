using ClosedXML.Excel;
using Otklik.Ratings.Output;
using Otklik.Ratings.Results;

namespace Otklik.Cli.Ratings;

/// <summary>The report as an Excel workbook (ClosedXML): the ratings, every breakdown line, and the notes.</summary>
internal static class RatingsXlsx
{
    public static void Write(RatingsReport report, string path)
    {
        using var workbook = new XLWorkbook();
        var ratings = workbook.Worksheets.Add("Рейтинг");
        var header = RatingsCsv.Header(report);
        for (var c = 0; c < header.Count; c++)
        {
            ratings.Cell(1, c + 1).Value = header[c];
        }

        var r = 2;
        foreach (var row in RatingsCsv.Rows(report))
        {
            for (var c = 0; c < row.Count; c++)
            {
                Set(ratings.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        ratings.Row(1).Style.Font.Bold = true;
        ratings.SheetView.FreezeRows(1);

        var breakdown = workbook.Worksheets.Add("Разбивка");
        string[] columns = ["category", "name", "id", "indicator", "raw", "n", "topic_factor", "adjusted", "eligible", "percentile_rank", "reliability", "points", "weight", "contribution"];
        for (var c = 0; c < columns.Length; c++)
        {
            breakdown.Cell(1, c + 1).Value = columns[c];
        }

        r = 2;
        foreach (var category in report.Categories)
        {
            foreach (var e in category.Entities)
            {
                foreach (var b in e.Breakdown)
                {
                    object?[] values = [category.Id, e.Name, e.Id, b.Id, b.Raw, b.N, b.TopicFactor, b.Adjusted, b.Eligible, b.PercentileRank, b.Reliability, b.Normalized, b.Weight, b.Contribution];
                    for (var c = 0; c < values.Length; c++)
                    {
                        Set(breakdown.Cell(r, c + 1), values[c]);
                    }

                    r++;
                }
            }
        }

        breakdown.Row(1).Style.Font.Bold = true;
        breakdown.SheetView.FreezeRows(1);

        var notes = workbook.Worksheets.Add("Примечания");
        notes.Cell(1, 1).Value = $"Методика v{report.MethodologyVersion}, период {report.Period}";
        r = 2;
        foreach (var note in report.Notes)
        {
            notes.Cell(r++, 1).Value = note;
        }

        workbook.SaveAs(path);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            case double d when double.IsFinite(d): cell.Value = Math.Round(d, 4); break;
            case double: break;
            case int i: cell.Value = i; break;
            case long l: cell.Value = l; break;
            case bool b: cell.Value = b; break;
            default: cell.Value = value.ToString(); break;
        }
    }
}
