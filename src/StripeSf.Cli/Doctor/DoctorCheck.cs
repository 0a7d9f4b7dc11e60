namespace StripeSf.Cli.Doctor;

/// <summary>One line of the doctor's report: what was checked, whether it is fine, and how to fix it when not.</summary>
public sealed record DoctorCheck(string Area, DoctorStatus Status, string Message, string? Fix = null);
