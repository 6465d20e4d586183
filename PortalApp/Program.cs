using PortalApp.Cli;
using PortalApp.Hosting;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();
app.UsePortal();
await app.Services.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;
