namespace StripeSf.Core.Processing;

/// <summary>The event holds data the mapping cannot express; it is dead-lettered with this message.</summary>
public sealed class UnmappableEventException(string message) : Exception(message);
