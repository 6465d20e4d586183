using System.Text;

namespace PortalApp.Common;

/// <summary>
/// The one check for free text that reaches a service: a length limit, no control characters, valid Unicode.
/// It returns a message for the person, or null when the text is acceptable.
/// </summary>
public static class InputRules
{
    public static string? Problem(string? value, string label, int maxLength, bool required = true, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{label} is required." : null;
        }
        if (value.Length > maxLength)
        {
            return $"{label} is too long: at most {maxLength} characters.";
        }
        if (!IsWellFormed(value))
        {
            return $"{label} contains characters that are not valid text.";
        }
        foreach (var c in value)
        {
            var isLineBreak = c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !(multiline && isLineBreak))
            {
                return $"{label} contains control characters.";
            }
        }
        return null;
    }

    /// <summary>The first problem among several checks, or null.</summary>
    public static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    private static bool IsWellFormed(string value)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
        // U+FFFE and U+FFFF are noncharacters: never text.
        return !value.Any(c => c is '\uFFFE' or '\uFFFF');
    }
}
