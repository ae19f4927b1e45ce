namespace Otklik.Model;

/// <summary>WGS-84 coordinates in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
