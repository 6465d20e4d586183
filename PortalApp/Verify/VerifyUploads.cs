using Microsoft.AspNetCore.Http.Features;
using PortalApp.Letters;

namespace PortalApp.Verify;

/// <summary>
/// Uploads to /verify larger than any letter are answered with a message, not a 413 or a dropped connection: the body is
/// read and discarded (up to <see cref="HardCap"/>), then the browser is sent to the page that says why. Smaller
/// uploads go on to the page's form handler.
/// </summary>
public static class VerifyUploads
{
    /// <summary>Beyond this an upload is refused outright (413) without being read.</summary>
    public const long HardCap = 64L * 1024 * 1024;

    /// <summary>Room for the multipart envelope and the antiforgery field around a file of the largest allowed size.</summary>
    private const long Envelope = 64 * 1024;

    public static bool IsVerifyPath(PathString path) => path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseVerifyUploads(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || !IsVerifyPath(request.Path) || request.ContentLength is not { } length || length <= LetterVerifier.MaxPdfBytes + Envelope)
            {
                await next();
                return;
            }
            if (length > HardCap)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"That upload is {Megabytes(length)}; a letter is at most {Megabytes(LetterVerifier.MaxPdfBytes)}, so it is not an issued letter.", context.RequestAborted);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = HardCap;
            }
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.Redirect($"/verify?too-large={length}");
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
        });

    public static PublicVerification TooLargeAnswer(long bytes) => PublicVerification.Refused(
        $"Not verified: that file is {Megabytes(bytes)}, larger than any letter.",
        $"An issued letter is at most {Megabytes(LetterVerifier.MaxPdfBytes)}; nothing was checked. Upload the letter's PDF as you received it.");

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString(bytes < 10 * 1024 * 1024 ? "0.0" : "0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
