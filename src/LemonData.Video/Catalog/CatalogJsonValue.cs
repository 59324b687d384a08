#nullable enable

using System.Collections.Generic;
using System.Globalization;

namespace LemonData.Video;

/// <summary>One value of a catalog file as <see cref="CatalogJson"/> read it, with the line it starts on.</summary>
internal sealed class CatalogJsonValue
{
    private CatalogJsonValue(CatalogJsonKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public CatalogJsonKind Kind { get; }

    /// <summary>The 1-based line the value starts on.</summary>
    public int Line { get; }

    public string? Text { get; private set; }

    public double NumberValue { get; private set; }

    public bool BooleanValue { get; private set; }

    public List<CatalogJsonValue>? Items { get; private set; }

    public List<KeyValuePair<string, CatalogJsonValue>>? Members { get; private set; }

    /// <summary>The member <paramref name="name"/> of an object (the last one when repeated), or null.</summary>
    public CatalogJsonValue? this[string name]
    {
        get
        {
            CatalogJsonValue? found = null;
            if (Members is not null)
            {
                foreach (var member in Members)
                {
                    if (member.Key == name)
                    {
                        found = member.Value;
                    }
                }
            }

            return found;
        }
    }

    /// <summary>The value as a whole number, when it is one and fits an <see cref="int"/>.</summary>
    public bool TryGetInt32(out int value)
    {
        value = 0;
        if (Kind != CatalogJsonKind.Number || NumberValue != System.Math.Floor(NumberValue) || NumberValue < int.MinValue || NumberValue > int.MaxValue)
        {
            return false;
        }

        value = (int)NumberValue;
        return true;
    }

    /// <summary>How a person would recognise the value in a message: its kind, and its text when short.</summary>
    public string Describe() => Kind switch
    {
        CatalogJsonKind.String => "the string \"" + (Text!.Length <= 32 ? Text : Text.Substring(0, 32) + "...") + "\"",
        CatalogJsonKind.Number => "the number " + Text,
        CatalogJsonKind.Boolean => BooleanValue ? "true" : "false",
        CatalogJsonKind.Null => "null",
        CatalogJsonKind.Array => "an array",
        _ => "an object",
    };

    public static CatalogJsonValue String(string text, int line) => new(CatalogJsonKind.String, line) { Text = text };

    public static CatalogJsonValue Number(string raw, double value, int line) => new(CatalogJsonKind.Number, line) { Text = raw, NumberValue = value };

    public static CatalogJsonValue Boolean(bool value, int line) => new(CatalogJsonKind.Boolean, line) { BooleanValue = value };

    public static CatalogJsonValue Null(int line) => new(CatalogJsonKind.Null, line);

    public static CatalogJsonValue Array(List<CatalogJsonValue> items, int line) => new(CatalogJsonKind.Array, line) { Items = items };

    public static CatalogJsonValue Object(List<KeyValuePair<string, CatalogJsonValue>> members, int line) => new(CatalogJsonKind.Object, line) { Members = members };

    public override string ToString() => Describe() + " (line " + Line.ToString(CultureInfo.InvariantCulture) + ")";
}

/// <summary>The kinds of JSON value.</summary>
internal enum CatalogJsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
