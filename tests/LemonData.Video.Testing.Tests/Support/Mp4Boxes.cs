using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace LemonData.Video.Testing.Tests.Support;

/// <summary>
/// Reads the box structure of an MP4 (ISO BMFF) without any tool: enough to fail when a file is not an MP4,
/// is truncated, or is not the video it claims to be.
/// </summary>
internal static class Mp4Boxes
{
    public readonly record struct Box(string Type, int Offset, int Size)
    {
        public int HeaderSize => 8;

        public int ContentOffset => Offset + HeaderSize;

        public int ContentSize => Size - HeaderSize;
    }

    /// <summary>The boxes laid end to end in <paramref name="data"/>[offset, offset+length); throws when they do not fill it exactly.</summary>
    public static List<Box> Read(byte[] data, int offset, int length)
    {
        var boxes = new List<Box>();
        var position = offset;
        var end = offset + length;
        while (position < end)
        {
            if (end - position < 8)
            {
                throw new FormatException("A box header at " + position + " is cut off.");
            }

            var size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position, 4));
            var type = Encoding.ASCII.GetString(data, position + 4, 4);
            if (size == 1 || size == 0)
            {
                throw new FormatException("Box '" + type + "' uses a 64-bit or open-ended size, which a small file does not need.");
            }

            if (size < 8 || position + size > end)
            {
                throw new FormatException("Box '" + type + "' at " + position + " claims " + size + " bytes, past the end.");
            }

            boxes.Add(new Box(type, position, (int)size));
            position += (int)size;
        }

        return boxes;
    }

    public static Box Single(List<Box> boxes, string type)
    {
        var found = boxes.FindAll(box => box.Type == type);
        return found.Count == 1 ? found[0] : throw new FormatException("Expected one '" + type + "' box, found " + found.Count + ".");
    }

    /// <summary>Duration in seconds from moov/mvhd.</summary>
    public static double MovieDurationSeconds(byte[] data, Box moov)
    {
        var mvhd = Single(Read(data, moov.ContentOffset, moov.ContentSize), "mvhd");
        var content = data.AsSpan(mvhd.ContentOffset, mvhd.ContentSize);
        if (content[0] == 1)
        {
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(20, 4));
            var duration = BinaryPrimitives.ReadUInt64BigEndian(content.Slice(24, 8));
            return (double)duration / timescale;
        }
        else
        {
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(12, 4));
            var duration = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(16, 4));
            return (double)duration / timescale;
        }
    }

    /// <summary>Width and height of every track with a picture, from moov/trak/tkhd (16.16 fixed point).</summary>
    public static List<(int Width, int Height)> TrackSizes(byte[] data, Box moov)
    {
        var sizes = new List<(int, int)>();
        foreach (var trak in Read(data, moov.ContentOffset, moov.ContentSize).FindAll(box => box.Type == "trak"))
        {
            var tkhd = Single(Read(data, trak.ContentOffset, trak.ContentSize), "tkhd");
            var content = data.AsSpan(tkhd.ContentOffset, tkhd.ContentSize);
            var sizeOffset = content[0] == 1 ? 88 : 76;
            var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(content.Slice(sizeOffset, 4)) >> 16);
            var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(content.Slice(sizeOffset + 4, 4)) >> 16);
            if (width > 0 && height > 0)
            {
                sizes.Add((width, height));
            }
        }

        return sizes;
    }

    /// <summary>Asserts that <paramref name="data"/> is a complete, fast-start MP4 of 160x90 and about 3 seconds.</summary>
    public static void AssertIsSampleMp4(byte[] data)
    {
        var boxes = Read(data, 0, data.Length);
        Assert.Equal("ftyp", boxes[0].Type);
        var brand = Encoding.ASCII.GetString(data, boxes[0].ContentOffset, 4);
        Assert.Contains(brand, new[] { "isom", "mp41", "mp42", "avc1", "iso2" });
        var moov = Single(boxes, "moov");
        var mdat = Single(boxes, "mdat");
        Assert.True(moov.Offset < mdat.Offset, "moov must come before mdat (-movflags +faststart)");
        Assert.True(mdat.ContentSize > 0, "mdat must hold the frames");
        Assert.InRange(MovieDurationSeconds(data, moov), 2.9, 3.1);
        Assert.Contains((160, 90), TrackSizes(data, moov));
        Assert.True(data.AsSpan(moov.Offset, moov.Size).IndexOf("avc1"u8) >= 0, "the video track must be H.264 (avc1)");
    }
}
