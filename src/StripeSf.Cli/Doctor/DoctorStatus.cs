namespace StripeSf.Cli.Doctor;

/// <summary>The states a doctor check can end in.</summary>
public enum DoctorStatus
{
    /// <summary>Fine.</summary>
    Ok,

    /// <summary>Works, but worth a look.</summary>
    Warning,

    /// <summary>Must be fixed before going live.</summary>
    Error,
}
