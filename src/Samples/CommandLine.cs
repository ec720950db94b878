using System.Globalization;

namespace Microsoft.ML.Gan.Samples;

/// <summary>The options of one command: <c>--name value</c> pairs and <c>--flag</c> switches, each read once.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> are the options that take no value.</summary>
    public CommandLine(IEnumerable<string> args, params string[] flags)
    {
        using var reader = args.GetEnumerator();
        while (reader.MoveNext())
        {
            var name = reader.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option such as --output, found '{name}'.");
            }
            if (flags.Contains(name))
            {
                _options[name] = null;
            }
            else if (reader.MoveNext())
            {
                _options[name] = reader.Current;
            }
            else
            {
                throw new ArgumentException($"Option {name} needs a value.");
            }
        }
    }

    /// <summary>Whether the switch <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string? Text(string name, string? fallback = null) => _options.GetValueOrDefault(name) ?? fallback;

    /// <summary>The value of <paramref name="name"/>, which must be given.</summary>
    public string Required(string name) => Text(name) ?? throw new ArgumentException($"Option {name} is required.");

    /// <summary>The non-negative decimal number given for <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public double Decimal(string name, double fallback)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"Option {name} needs a non-negative decimal number, found '{text}'.");
        }
        return value;
    }

    /// <summary>The positive whole number given for <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public int? Number(string name, int? fallback = null)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"Option {name} needs a positive whole number, found '{text}'.");
        }
        return value;
    }

    /// <summary>The non-negative number given for <paramref name="name"/> (such as 0.05 or 1e-4), or <paramref name="fallback"/>.</summary>
    public double Real(string name, double fallback)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            throw new ArgumentException($"Option {name} needs a non-negative number, found '{text}'.");
        }
        return value;
    }
}
