using System.Diagnostics;

namespace PortalApp.Tests.Verify;

/// <summary>Poppler's command-line tools (Debian's poppler-utils), as a reader of the PDF would check and see it.</summary>
internal static class Poppler
{
    /// <summary>pdfsig's report on a PDF's signatures, with its exit code (0 when every signature validates).</summary>
    public static async Task<(int ExitCode, string Output)> PdfSigAsync(byte[] pdf)
    {
        var file = await TempAsync(pdf, ".pdf");
        try
        {
            return await RunAsync("pdfsig", [file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The first page as an 8-bit greyscale image (pdftoppm's PGM), at <paramref name="dpi"/>.</summary>
    public static async Task<(int Width, int Height, byte[] Pixels)> FirstPageGreyAsync(byte[] pdf, int dpi)
    {
        var file = await TempAsync(pdf, ".pdf");
        var prefix = file[..^4];
        try
        {
            var (code, output) = await RunAsync("pdftoppm", ["-f", "1", "-l", "1", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", file, prefix]);
            Assert.True(code == 0, output);
            return Pgm.Read(await File.ReadAllBytesAsync(prefix + ".pgm"));
        }
        finally
        {
            File.Delete(file);
            File.Delete(prefix + ".pgm");
        }
    }

    private static async Task<string> TempAsync(byte[] bytes, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(file, bytes);
        return file;
    }

    private static async Task<(int, string)> RunAsync(string tool, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A binary PGM (P5, 8-bit) as pdftoppm writes it.</summary>
internal static class Pgm
{
    public static (int Width, int Height, byte[] Pixels) Read(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }
            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++;
        return (width, height, file[position..(position + width * height)]);
    }
}
