using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace PortalApp.Tests.Transparency;

/// <summary>Not one record value of anyone in the database reaches an anonymous visitor of the public record.</summary>
[Collection(TransparencyCollection.Name)]
public sealed class TransparencyLeakTests(TransparencyHistory host)
{
    [Fact]
    public async Task NoNameDateOfBirthDcNumberAddressOrStateIdOfAnyPersonIsInThePageOrTheFiles()
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        await using (var db = await host.DbAsync())
        {
            foreach (var p in await db.Persons.AsNoTracking().ToListAsync())
            {
                secrets.UnionWith([$"{p.FirstName} {p.LastName}", $"{p.LastName}, {p.FirstName}", p.StateId, p.Street, p.Phone,
                    p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.DateOfBirth.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)]);
            }
            secrets.UnionWith(await db.Arrests.AsNoTracking().Select(a => a.DcNumber).ToListAsync());
        }
        Assert.True(secrets.Count > 1000, $"only {secrets.Count} values to look for");

        using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        foreach (var path in new[] { "/transparency", "/transparency.csv", "/transparency.json" })
        {
            var body = await anonymous.GetStringAsync(path);
            Assert.True(body.Length > 500, $"{path} is nearly empty");
            var found = secrets.Where(s => s.Length > 0 && body.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 0, $"{path} holds record values: {string.Join(" | ", found.Take(5))}");
        }
    }
}
