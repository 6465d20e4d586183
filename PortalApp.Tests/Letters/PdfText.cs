using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PortalApp.Tests.Letters;

/// <summary>What a reader of a PDF sees, from poppler's pdftotext, with runs of white space (and line breaks) as one space.</summary>
internal static partial class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return Whitespace().Replace(text, " ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
