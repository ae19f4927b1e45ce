using Otklik.Places;
using Otklik.Routing;
using Otklik.Tests.Support;

namespace Otklik.Tests.Places;

/// <summary>The evaluation data files (hand-labelled places, model predictions) refuse a bad line by file and line.</summary>
public sealed class JsonLinesDataFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_broken_place_label_line_names_the_file_the_line_and_the_expected_shape()
    {
        var file = _temp.Write("labels.jsonl", "{\"id\":\"1\",\"city\":[\"Курск\"]}\n\n{\"city\":[]}\n");

        var error = Assert.Throws<DataFileException>(() => PlaceLabelFile.Load(file));

        Assert.Equal(3, error.Line);
        Assert.Contains("not a label object", error.Message);
        Assert.StartsWith(file + ":3:", error.Message);
    }

    [Fact]
    public void Good_place_labels_load_skipping_blank_lines()
    {
        var file = _temp.Write("labels.jsonl", "{\"id\":\"1\",\"city\":[\"Курск\"]}\n\n{\"id\":\"2\",\"region\":[\"Курская область\"]}\n");

        var labels = PlaceLabelFile.Load(file);

        Assert.Equal(["1", "2"], labels.Select(l => l.Id));
        Assert.Equal(["Курск"], labels[0].City);
    }

    [Fact]
    public void A_prediction_line_that_is_not_json_is_refused_and_a_missing_file_is_named()
    {
        var file = _temp.Write("oof.jsonl", "{\"id\":\"7\",\"executors\":[{\"label\":\"Администрация\",\"p\":0.5}]}\n{broken\n");

        var broken = Assert.Throws<DataFileException>(() => ModelPredictionFile.Load(file));
        var missing = Assert.Throws<DataFileException>(() => ModelPredictionFile.Load(_temp.File("nowhere.jsonl")));

        Assert.Equal(2, broken.Line);
        Assert.Contains("not a prediction", broken.Message);
        Assert.Contains("file not found", missing.Message);
    }
}
