using System.Globalization;
using System.Text;

namespace PortalApp.Records;

/// <summary>The one normalization of names for search: upper case, no diacritics, so "ramir" finds "Ramírez".</summary>
public static class SearchKey
{
    public static string ForName(string lastName, string firstName) => Normalize($"{lastName} {firstName}");

    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString().Replace(",", " ", StringComparison.Ordinal);
    }
}
