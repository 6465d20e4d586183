using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PortalApp.AccessLogging;

/// <summary>Fills ClientInfo for plain HTTP requests (middleware) and for circuits (when the connection comes up).</summary>
public sealed class ClientInfoCapture(ClientInfo info, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture(accessor.HttpContext, info, "circuit");
        return Task.CompletedTask;
    }

    public static void Capture(HttpContext? context, ClientInfo info, string source)
    {
        if (context is null)
        {
            return;
        }
        info.Address = context.Connection.RemoteIpAddress?.ToString();
        info.Source = source;
    }
}
