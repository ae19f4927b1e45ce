namespace Otklik.Text.Features;

/// <summary>One text as features: column indices in ascending order and their weights (L2-normalized per block).</summary>
internal sealed record SparseRow(int[] Columns, float[] Values)
{
    public float Dot(ReadOnlySpan<float> weights)
    {
        var sum = 0f;
        for (var i = 0; i < Columns.Length; i++)
        {
            sum += weights[Columns[i]] * Values[i];
        }

        return sum;
    }
}
