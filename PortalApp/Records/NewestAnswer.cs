namespace PortalApp.Records;

/// <summary>
/// Loads of the grid may overlap and finish in any order: the first page can still be loading, on a busy server, when
/// the person searches. Whatever order they finish in, what is shown is the answer of the newest load that has finished,
/// so an older, slower answer never replaces the rows of a search made after it.
/// </summary>
public sealed class NewestAnswer<T>
{
    private int started;
    private (int Load, T Answer)? newest;

    /// <summary>Numbers a load as it starts.</summary>
    public int Start() => ++started;

    /// <summary>
    /// Offers a finished load's answer. True when it is the newest finished one (show it); false when a later load has
    /// already answered, whose answer <paramref name="shown"/> then is.
    /// </summary>
    public bool Finish(int load, T answer, out T shown)
    {
        if (newest is { } later && later.Load > load)
        {
            shown = later.Answer;
            return false;
        }
        newest = (load, answer);
        shown = answer;
        return true;
    }
}
