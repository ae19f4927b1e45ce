namespace Otklik.Text.Features;

/// <summary>Reusable buffers for turning one text into features without allocating: one per thread.</summary>
internal sealed class VectorScratch
{
    public VectorScratch(int columns)
    {
        Values = new float[columns];
        Touched = new List<int>(256);
    }

    /// <summary>Per column: the count while accumulating, the final weight afterwards. Zero outside <see cref="Touched"/>.</summary>
    public float[] Values { get; }

    /// <summary>The columns this text has, in first-seen order.</summary>
    public List<int> Touched { get; }

    public void Add(int column, float amount = 1f)
    {
        if (Values[column] == 0f)
        {
            Touched.Add(column);
        }

        Values[column] += amount;
    }

    public void Clear()
    {
        foreach (var column in Touched)
        {
            Values[column] = 0f;
        }

        Touched.Clear();
    }
}
