using PortalApp.Authorization;

namespace PortalApp.Letters;

public static class LetterEndpoints
{
    public static IEndpointRouteBuilder MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        // The stored PDF, byte for byte; each download is written to the access log first.
        app.MapGet("/letters/{id:int}/pdf", async (int id, HttpContext http, LetterVerifier letters, CancellationToken ct) =>
            await letters.GetPdfAsync(id, http.User, ct) is { } pdf
                ? Results.File(pdf.Bytes, "application/pdf", pdf.FileName)
                : Results.NotFound())
            .RequireAuthorization(Policies.ReadLetters);

        // The letter's typeface for the on-screen preview, so it measures and looks as it prints.
        app.MapGet("/letters/fonts/{file}", (string file) =>
            LetterFonts.Find(file) is { } bytes ? Results.File(bytes, "font/ttf") : Results.NotFound())
            .RequireAuthorization(Policies.ReadLetters);
        return app;
    }
}
