using System.Buffers.Binary;
using System.Text;

namespace Portal.Bench.Capacity;

/// <summary>
/// Reads the binary render batch a Blazor Server circuit sends in <c>JS.RenderBatch</c>, laid out as
/// blazor.web.js reads it (OutOfProcessRenderBatch): the updated components with their edits, the reference
/// frames (20 bytes each), the disposed component and event handler ids, then the string table; five int32
/// offsets at the end locate each part.
/// </summary>
public sealed class RenderBatchView(byte[] data)
{
    private const int FrameLength = 20;
    private const int EditLength = 16;
    private readonly int stringTable = ReadInt(data, data.Length - 4);

    public int Length => data.Length;

    public IEnumerable<ComponentDiff> Diffs()
    {
        var table = ReadInt(data, data.Length - 20);
        var count = ReadInt(data, table);
        for (var i = 0; i < count; i++)
        {
            var position = ReadInt(data, table + 4 + (i * 4));
            yield return new ComponentDiff(ReadInt(data, position), ReadInt(data, position + 4), position + 8);
        }
    }

    public IEnumerable<Edit> Edits(ComponentDiff diff)
    {
        for (var i = 0; i < diff.EditCount; i++)
        {
            var position = diff.EditsStart + (i * EditLength);
            yield return new Edit((EditType)ReadInt(data, position), ReadInt(data, position + 4), ReadInt(data, position + 8));
        }
    }

    public int FrameCount => ReadInt(data, FramesStart);

    public Frame FrameAt(int index)
    {
        var position = FramesStart + 4 + (index * FrameLength);
        return new Frame(
            (FrameType)ReadInt(data, position),
            ReadInt(data, position + 4),
            ReadInt(data, position + 8),
            BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(position + 12)));
    }

    public IEnumerable<int> DisposedComponentIds() => Ints(ReadInt(data, data.Length - 12));

    public IEnumerable<ulong> DisposedEventHandlerIds()
    {
        var start = ReadInt(data, data.Length - 8);
        var count = ReadInt(data, start);
        for (var i = 0; i < count; i++)
        {
            yield return BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(start + 4 + (i * 8)));
        }
    }

    /// <summary>A string of the batch's table by index; -1 stands for null.</summary>
    public string? StringAt(int index)
    {
        if (index < 0)
        {
            return null;
        }
        var position = ReadInt(data, stringTable + (index * 4));
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(data, position, length);
    }

    /// <summary>Whether any string the batch carries (text, markup, attribute value) contains <paramref name="text"/>.</summary>
    public bool Carries(string text)
    {
        var stringCount = (data.Length - 20 - stringTable) / 4;
        for (var i = 0; i < stringCount; i++)
        {
            if (StringAt(i)?.Contains(text, StringComparison.Ordinal) == true)
            {
                return true;
            }
        }
        return false;
    }

    private int FramesStart => ReadInt(data, data.Length - 16);

    private IEnumerable<int> Ints(int start)
    {
        var count = ReadInt(data, start);
        for (var i = 0; i < count; i++)
        {
            yield return ReadInt(data, start + 4 + (i * 4));
        }
    }

    private static int ReadInt(byte[] bytes, int position) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));

    public readonly record struct ComponentDiff(int ComponentId, int EditCount, int EditsStart);

    public readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex);

    /// <summary>
    /// One reference frame. Meaning of the fields by type: Element (subtree length, name), Text and Markup (content, -),
    /// Attribute (name, value, event handler id), Component (subtree length, component id), Region (subtree length, -).
    /// </summary>
    public readonly record struct Frame(FrameType Type, int First, int Second, ulong EventHandlerId)
    {
        public int SubtreeLength => Type is FrameType.Element or FrameType.Component or FrameType.Region ? First : 1;
    }

    public enum FrameType
    {
        Element = 1,
        Text = 2,
        Attribute = 3,
        Component = 4,
        Region = 5,
        ElementReferenceCapture = 6,
        ComponentReferenceCapture = 7,
        Markup = 8,
    }

    public enum EditType
    {
        PrependFrame = 1,
        RemoveFrame = 2,
        SetAttribute = 3,
        RemoveAttribute = 4,
        UpdateText = 5,
        StepIn = 6,
        StepOut = 7,
        UpdateMarkup = 8,
        PermutationListEntry = 9,
        PermutationListEnd = 10,
    }
}
