using System.Text;
using System.Xml;

namespace NewsReader.Feeds;

public static class XmlText
{
    /// <summary>
    /// Drops the characters XML 1.0 cannot hold (most control characters, unpaired surrogates).
    /// A story pasted from a word processor may contain them; written as they are, the XmlWriter
    /// would throw and the feed would fail for every reader.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = IndexOfInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static int IndexOfInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }
        return -1;
    }
}
