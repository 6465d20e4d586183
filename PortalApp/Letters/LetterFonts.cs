namespace PortalApp.Letters;

/// <summary>The letter's typefaces, embedded in the assembly (Liberation Serif, SIL OFL 1.1).</summary>
public static class LetterFonts
{
    public const string RegularFile = "LiberationSerif-Regular.ttf";
    public const string BoldFile = "LiberationSerif-Bold.ttf";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(RegularFile));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load(BoldFile));

    public static byte[] Regular => RegularBytes.Value;

    public static byte[] Bold => BoldBytes.Value;

    public static byte[]? Find(string file) => file switch
    {
        RegularFile => Regular,
        BoldFile => Bold,
        _ => null,
    };

    private static byte[] Load(string file)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"Letters.Fonts.{file}")
            ?? throw new InvalidOperationException($"The embedded font {file} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
