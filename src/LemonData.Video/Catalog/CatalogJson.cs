#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// A small JSON reader for <c>lemondata-models.json</c> that keeps the line of every value. Hand-written because the
/// analyzer reads the same file and cannot bring System.Text.Json into a compiler host, and because an error in a
/// file a person edits must name its line.
/// </summary>
/// <remarks>Bounded: nesting deeper than <see cref="MaxDepth"/> is refused, so no file can exhaust a compiler's stack.</remarks>
internal sealed class CatalogJson
{
    public const int MaxDepth = 32;

    private readonly string text;
    private int position;
    private int line = 1;

    private CatalogJson(string text) => this.text = text;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CatalogJsonException"/> with the line of the first error.</summary>
    public static CatalogJsonValue Parse(string text)
    {
        var reader = new CatalogJson(text);

        // A byte order mark decoded as a character is not content.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader.position = 1;
        }

        var value = reader.ReadValue(depth: 0);
        reader.SkipWhiteSpace();
        if (reader.position < text.Length)
        {
            throw reader.Error("unexpected '" + text[reader.position] + "' after the end of the JSON value");
        }

        return value;
    }

    private CatalogJsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("the JSON is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }

        SkipWhiteSpace();
        if (position >= text.Length)
        {
            throw Error("the JSON ends where a value was expected");
        }

        var startLine = line;
        var c = text[position];
        switch (c)
        {
            case '{':
                return ReadObject(depth, startLine);
            case '[':
                return ReadArray(depth, startLine);
            case '"':
                return CatalogJsonValue.String(ReadString(), startLine);
            case 't':
                ReadLiteral("true");
                return CatalogJsonValue.Boolean(true, startLine);
            case 'f':
                ReadLiteral("false");
                return CatalogJsonValue.Boolean(false, startLine);
            case 'n':
                ReadLiteral("null");
                return CatalogJsonValue.Null(startLine);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber(startLine);
                }

                throw Error("unexpected '" + c + "' where a JSON value was expected");
        }
    }

    private CatalogJsonValue ReadObject(int depth, int startLine)
    {
        position++;
        var members = new List<KeyValuePair<string, CatalogJsonValue>>();
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            position++;
            return CatalogJsonValue.Object(members, startLine);
        }

        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"')
            {
                throw Error("a member name in double quotes was expected");
            }

            var name = ReadString();
            SkipWhiteSpace();
            Expect(':');
            members.Add(new KeyValuePair<string, CatalogJsonValue>(name, ReadValue(depth + 1)));
            SkipWhiteSpace();
            var next = Peek();
            position++;
            if (next == '}')
            {
                return CatalogJsonValue.Object(members, startLine);
            }

            if (next != ',')
            {
                position--;
                throw Error("',' or '}' was expected after a member");
            }
        }
    }

    private CatalogJsonValue ReadArray(int depth, int startLine)
    {
        position++;
        var items = new List<CatalogJsonValue>();
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            position++;
            return CatalogJsonValue.Array(items, startLine);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhiteSpace();
            var next = Peek();
            position++;
            if (next == ']')
            {
                return CatalogJsonValue.Array(items, startLine);
            }

            if (next != ',')
            {
                position--;
                throw Error("',' or ']' was expected after an array item");
            }
        }
    }

    private string ReadString()
    {
        position++;
        StringBuilder? builder = null;
        var start = position;
        while (true)
        {
            if (position >= text.Length)
            {
                throw Error("a string is not closed with '\"'");
            }

            var c = text[position];
            if (c == '"')
            {
                var value = builder is null
                    ? text.Substring(start, position - start)
                    : builder.Append(text, start, position - start).ToString();
                position++;
                return value;
            }

            if (c < ' ')
            {
                throw Error(c == '\n' ? "a string is not closed before the end of the line" : "a string holds a control character");
            }

            if (c != '\\')
            {
                position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(text, start, position - start);
            position++;
            if (position >= text.Length)
            {
                throw Error("a string ends inside an escape");
            }

            var escaped = text[position];
            position++;
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (position + 4 > text.Length
                        || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("'\\u' is not followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    position += 4;
                    break;
                default:
                    position--;
                    throw Error("'\\" + escaped + "' is not a JSON escape");
            }

            start = position;
        }
    }

    private CatalogJsonValue ReadNumber(int startLine)
    {
        var start = position;
        if (Peek() == '-')
        {
            position++;
        }

        while (position < text.Length && IsNumberChar(text[position]))
        {
            position++;
        }

        var raw = text.Substring(start, position - start);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || raw == "-")
        {
            throw Error("'" + raw + "' is not a number");
        }

        return CatalogJsonValue.Number(raw, number, startLine);
    }

    private static bool IsNumberChar(char c) => (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected '" + text[position] + "' where a JSON value was expected");
        }

        position += literal.Length;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error("'" + expected + "' was expected");
        }

        position++;
    }

    private char Peek()
    {
        if (position >= text.Length)
        {
            throw Error("the JSON ends too early");
        }

        return text[position];
    }

    private void SkipWhiteSpace()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\n')
            {
                line++;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            position++;
        }
    }

    private CatalogJsonException Error(string message) => new(line, message);
}

/// <summary>A JSON syntax error in a catalog file, at a 1-based line.</summary>
internal sealed class CatalogJsonException : Exception
{
    public CatalogJsonException(int line, string message)
        : base(message) => Line = line;

    public int Line { get; }
}
