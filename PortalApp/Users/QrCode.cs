using QRCoder;

namespace PortalApp.Users;

/// <summary>Draws the authenticator enrolment link as an inline SVG, so nothing is fetched from elsewhere.</summary>
public static class QrCode
{
    public static string SvgDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
