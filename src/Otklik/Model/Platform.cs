namespace Otklik.Model;

/// <summary>Where an official account lives.</summary>
public enum Platform
{
    Vk,
    Telegram,
    Ok,
    Website,
    Other,
}
