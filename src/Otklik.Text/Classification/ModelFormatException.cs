namespace Otklik.Text.Classification;

/// <summary>A model file that is not an Otklik text model, is of another format version, or is cut short. Retrain it with `otklik train`.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
